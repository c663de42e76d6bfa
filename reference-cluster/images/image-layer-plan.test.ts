import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ImageCatalog } from '../../src/images/image-catalog.ts';
import type { ImageSpec } from '../../src/images/image-spec.ts';
import { programUniverse } from './build-images.ts';
import { planImageLayer, type BaseView } from './image-layer-plan.ts';
import { POD_IMAGE_RECIPES, type ImageRecipe } from './image-recipes.ts';

/** A Debian base with the programs the shared rootfs has (debian-rootfs.ts packages). */
function debianBase(): BaseView {
  const present = new Set(['sh', 'ls', 'cat', 'curl', 'wget', 'nslookup', 'dig', 'host', 'node', 'nodejs', 'ping', 'ps', 'busybox', 'nginx', 'printenv'].map((p) => `/usr/bin/${p}`));
  present.add('/usr/sbin/ip');
  return {
    programDirs: ['/usr/bin', '/usr/sbin'],
    exists: (p) => present.has(p),
    read: (p) => (p === '/etc/passwd' ? 'root:x:0:0:root:/root:/bin/bash\n' : p === '/etc/group' ? 'root:x:0:\n' : undefined),
  };
}

const APPLETS = new Set(['sh', 'ls', 'cat', 'wget', 'nslookup', 'ping', 'ps', 'busybox']);

function recipe(reference: string): [ImageRecipe, ImageSpec] {
  const r = POD_IMAGE_RECIPES.find((x) => x.references.includes(reference));
  if (!r) throw new Error(`no recipe ${reference}`);
  const found = new ImageCatalog().lookup(r.catalogReference);
  if (found.kind !== 'found') throw new Error(`catalog lacks ${r.catalogReference}`);
  return [r, found.image.spec];
}

describe('planImageLayer', () => {
  it('takes from the nginx image what the catalog says it lacks (nslookup, wget, node) and keeps curl', () => {
    const [r, spec] = recipe('nginx:latest');
    const plan = planImageLayer(r, spec, debianBase(), programUniverse(), APPLETS);
    expect(plan.whiteouts).to.include.members(['/usr/bin/nslookup', '/usr/bin/wget', '/usr/bin/node', '/usr/bin/dig', '/usr/sbin/ip']);
    expect(plan.whiteouts).to.not.include('/usr/bin/curl');
    expect(plan.whiteouts).to.not.include('/usr/bin/sh');
  });

  it('writes the catalog files, our entrypoint and the nginx user', () => {
    const [r, spec] = recipe('nginx:latest');
    const plan = planImageLayer(r, spec, debianBase(), programUniverse(), APPLETS);
    expect(plan.files.get('/usr/share/nginx/html/index.html')?.content).to.contain('<title>Welcome to nginx!</title>');
    const entrypoint = plan.files.get('/docker-entrypoint.sh');
    expect(entrypoint?.mode).to.equal(0o755);
    expect(entrypoint?.content).to.contain('Configuration complete; ready for start up').and.to.contain('exec "$@"');
    expect(plan.files.get('/etc/passwd')?.content).to.equal('root:x:0:0:root:/root:/bin/bash\nnginx:x:101:101:nginx user:/nonexistent:/usr/sbin/nologin\n');
    expect(plan.links.get('/var/log/nginx/access.log')).to.equal('/dev/stdout');
  });

  it('makes busybox applets the programs of an Alpine-style image, busybox itself kept', () => {
    const [r, spec] = recipe('nginx:1.18-alpine');
    const plan = planImageLayer(r, spec, debianBase(), programUniverse(), APPLETS);
    expect(plan.links.get('/usr/bin/wget')).to.equal('/usr/bin/busybox');
    expect(plan.links.get('/usr/bin/nslookup')).to.equal('/usr/bin/busybox');
    expect(plan.whiteouts).to.not.include('/usr/bin/busybox');
    expect(plan.whiteouts).to.include('/usr/bin/curl');
  });

  it('adds a stand-in for an applet the Debian busybox lacks (printenv) on a busybox base', () => {
    const [r, spec] = recipe('busybox:latest');
    const base: BaseView = { programDirs: ['/bin'], exists: (p) => p === '/bin/busybox', read: () => undefined };
    const plan = planImageLayer(r, spec, base, programUniverse(), APPLETS);
    expect(plan.files.get('/bin/printenv')?.content).to.match(/^#!\/bin\/sh\n/);
    expect(plan.links.get('/bin/sh')).to.equal('/bin/busybox');
    expect(plan.whiteouts).to.deep.equal([]);
  });

  it('keeps node in the agnhost image for its stand-in', () => {
    const [r, spec] = recipe('registry.k8s.io/e2e-test-images/agnhost:2.39');
    const plan = planImageLayer(r, spec, debianBase(), programUniverse(), APPLETS);
    expect(plan.whiteouts).to.not.include('/usr/bin/node');
    expect(plan.files.get('/agnhost')?.content).to.match(/^#!\/usr\/bin\/nodejs\n/);
  });

  it('copies CoreDNS and its libraries onto the distroless base, with the file capability, and removes nothing', () => {
    const [r, spec] = recipe('registry.k8s.io/coredns/coredns:v1.11.3');
    const base: BaseView = { programDirs: ['/usr/bin', '/bin'], exists: () => false, read: () => undefined };
    const copies = new Map([
      ['/coredns', { source: '/bin-dir/coredns', mode: 0o755, capabilities: 'cap_net_bind_service=+ep' }],
      ['/lib/x86_64-linux-gnu/libc.so.6', { source: '/debian/usr/lib/x86_64-linux-gnu/libc.so.6', mode: 0o755 }],
    ]);
    const plan = planImageLayer(r, spec, base, programUniverse(), APPLETS, copies);
    expect(plan.copies.get('/coredns')?.capabilities).to.equal('cap_net_bind_service=+ep');
    expect([...plan.copies.keys()]).to.deep.equal(['/coredns', '/lib/x86_64-linux-gnu/libc.so.6']);
    expect(plan.files.size).to.equal(0);
    expect(plan.whiteouts).to.deep.equal([]);
  });

  it("gives local-path-provisioner a stand-in that stays up, and busybox's sh and sleep to run it", () => {
    const [r, spec] = recipe('docker.io/kindest/local-path-provisioner:v20240813-c6f155d6');
    const base: BaseView = { programDirs: ['/bin'], exists: (p) => p === '/bin/busybox', read: () => undefined };
    const plan = planImageLayer(r, spec, base, programUniverse(), new Set([...APPLETS, 'sleep']));
    const standIn = plan.files.get('/usr/bin/local-path-provisioner');
    expect(standIn?.mode).to.equal(0o755);
    expect(standIn?.content).to.match(/^#!\/bin\/sh\n/).and.to.contain("trap 'exit 0' TERM");
    expect(plan.links.get('/bin/sh')).to.equal('/bin/busybox');
    expect(plan.links.get('/bin/sleep')).to.equal('/bin/busybox');
  });
});
