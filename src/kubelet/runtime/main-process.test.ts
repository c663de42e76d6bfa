import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Container } from '../../api/core.ts';
import { ImageCatalog } from '../../images/image-catalog.ts';
import { mainProcess } from './main-process.ts';

const catalog = new ImageCatalog();
function spec(image: string) {
  const found = catalog.lookup(image);
  if (found.kind !== 'found') throw new Error(image);
  return found.image.spec;
}

function describeProcess(image: string, container: Partial<Container>): string {
  const p = mainProcess({ name: 'c', image, ...container }, spec(image), new Map([['PORT', '9376']]));
  if (p.kind === 'daemon') return `daemon ${p.daemon.argv.join(' ')}`;
  if (p.kind === 'start-error') return `start-error ${p.message.slice(p.message.indexOf('exec:'))}`;
  return `program runs ${p.runsFor} exit ${p.exitCode} ${p.onStop === 'ignored' ? 'ignores SIGTERM' : ''}`.trim();
}

describe('mainProcess', () => {
  // Expectations: image ENTRYPOINT/CMD as in their Dockerfiles; k8s docs "Define a Command and Arguments for a Container".
  const table: [string, Partial<Container>, string][] = [
    ['nginx', {}, 'daemon nginx'],
    ['nginx', { args: ['nginx', '-g', 'daemon off;'] }, 'daemon nginx'],
    ['nginx', { command: ['sleep', 'infinity'] }, 'program runs forever exit 0 ignores SIGTERM'],
    ['luksa/kubia', {}, 'daemon node app.js'],
    ['busybox', {}, 'program runs 0 exit 0 ignores SIGTERM'],
    ['busybox', { stdin: true, tty: true }, 'program runs forever exit 0 ignores SIGTERM'],
    ['busybox', { command: ['sh', '-c', 'while true; do sleep 1; done'] }, 'program runs forever exit 0 ignores SIGTERM'],
    ['busybox', { command: ['sleep', '3600'] }, 'program runs 3600 exit 0 ignores SIGTERM'],
    ['busybox', { command: ['sleep', '1h'] }, 'program runs 3600 exit 0 ignores SIGTERM'],
    ['busybox', { command: ['sh', '-c', 'echo hi; sleep 5'] }, 'program runs 5 exit 0 ignores SIGTERM'],
    ['busybox', { command: ['false'] }, 'program runs 0 exit 1 ignores SIGTERM'],
    ['tutum/dnsutils', { command: ['sleep', 'infinity'] }, 'program runs forever exit 0 ignores SIGTERM'],
    ['busybox', { command: ['curl', 'x'] }, 'start-error exec: "curl": executable file not found in $PATH: unknown'],
    ['busybox', { command: ['/app/server'] }, 'start-error exec: "/app/server": stat /app/server: no such file or directory: unknown'],
    ['registry.k8s.io/e2e-test-images/agnhost:2.39', { args: ['netexec', '--http-port=$(PORT)'] }, 'daemon agnhost netexec'],
    ['httpd', {}, 'daemon httpd-foreground'],
    ['registry.k8s.io/ingress-nginx/controller:v1.11.2', { args: ['/nginx-ingress-controller', '--publish-service=x'] }, 'daemon nginx-ingress-controller'],
  ];
  for (const [image, container, expected] of table) {
    it(`${image} ${JSON.stringify(container)} -> ${expected}`, () => {
      expect(describeProcess(image, container)).to.equal(expected);
    });
  }

  it('expands $(VAR) in args from the container environment', () => {
    const p = mainProcess({ name: 'c', image: 'agnhost', args: ['netexec', '--http-port=$(PORT)'] }, spec('registry.k8s.io/e2e-test-images/agnhost:2.39'), new Map([['PORT', '9376']]));
    expect(p.argv).to.deep.equal(['/agnhost', 'netexec', '--http-port=9376']);
  });
});
