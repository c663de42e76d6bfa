import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { NetworkTestCluster, podOn, serviceOf } from '../../network/testing/network-test-cluster.ts';
import type { CommandResult } from '../../shell/types.ts';
import { registerNetworkTools } from './register-network-tools.ts';

/**
 * curl in pods of a real (in-memory) cluster. The 7.88.1 goldens are the real
 * curl's output recorded by testdata/capture.sh: compared line by line after
 * numbers, addresses and the progress meter's figures are replaced (the
 * "skeleton"), or exactly once the address is substituted.
 */

const CAPTURES = new URL('./testdata/curl-7.88.1/', import.meta.url);
const capture = (name: string, stream: 'stdout' | 'stderr') => readFileSync(new URL(`${name}.${stream}`, CAPTURES), 'utf8');
const captureExit = (name: string) => Number(readFileSync(new URL(`${name}.exit`, CAPTURES), 'utf8').trim());

/** The lines curl itself writes, with what differs between servers and runs abstracted. */
function skeleton(stderr: string): string[] {
  return stderr
    .replace(/ {2}% Total {4}% Received % Xferd {2}Average Speed {3}Time {4}Time {5}Time {2}Current\n {33}Dload {2}Upload {3}Total {3}Spent {4}Left {2}Speed\n/, '')
    .replace(/\r[ \d]{3} [ \dkM.]{5} {2}[ \d]{3} [ \dkM.]{5} {2}[ \d]{3} [ \dkM.]{5} {2}[ \dkM.]{5} {2}[ \dkM.]{5} [-\d: ]{8} [-\d: ]{8} [-\d: ]{8} [ \dkM.]{5}/g, '')
    .split('\n')
    .filter((l) => /^(\* |> |[{}] \[|curl: |< HTTP\/|< \r$)/.test(l))
    .map((l) =>
      l
        .replace(/'http:\/\/[^']*'/g, "'URL'")
        .replace(/\d+\.\d+\.\d+\.\d+/g, 'IP')
        .replace(/ port \d+/g, ' port N')
        .replace(/:\d+/g, '')
        .replace(/after \d+ m/g, 'after N m')
        .replace(/\[\d+ bytes data\]/, '[N bytes data]')
        .replace(/0x[0-9a-f]+/g, '0xADDR')
        .replace(/^< HTTP\/1\.1 \d+ [^\n]*$/, '< HTTP/1.1 STATUS')
        .replace(/(GET|POST) \/\S*/, '$1 PATH'),
    );
}

describe('curl in pods (kind cluster in memory)', () => {
  let cluster: NetworkTestCluster;
  let web: string;
  let empty: string;
  const run = (pod: string, argv: string[]): Promise<CommandResult> => cluster.exec(pod, argv);

  before(() => {
    cluster = new NetworkTestCluster({ registerPrograms: (registry, network) => registerNetworkTools(registry, network) });
    cluster.create(podOn('web-1', 'kind-worker2', 'nginx', { labels: { app: 'web' }, ports: [{ containerPort: 80 }] }));
    // nginx:latest carries curl 7.88.1, busyboxplus 7.35.0, curlimages/curl 8.9.1.
    cluster.create(podOn('debian', 'kind-worker', 'nginx'));
    cluster.create(podOn('plus', 'kind-worker', 'radial/busyboxplus:curl', { command: ['sleep', '3600'] }));
    cluster.create(podOn('alpine', 'kind-worker', 'curlimages/curl', { command: ['sleep', '3600'] }));
    // Service port 18080, as the recordings used, so Host lines keep their port.
    cluster.create(serviceOf('web', { app: 'web' }, [{ port: 18080, targetPort: 80 }]));
    cluster.create(serviceOf('empty', { app: 'nothing' }, [{ port: 18080, targetPort: 80 }]));
    cluster.advance(30_000);
    web = cluster.service('web').spec.clusterIP!;
    empty = cluster.service('empty').spec.clusterIP!;
  });
  after(() => undefined);

  describe('7.88.1 against the recordings (testdata/curl-7.88.1)', () => {
    it('GET with -v: Trying, Connected, request and response lines, data line, left intact', async () => {
      const r = await run('debian', ['curl', '-v', `http://${web}:18080/`]);
      expect(r.exitCode).to.equal(captureExit('get-verbose'));
      expect(skeleton(r.stderr)).to.deep.equal(skeleton(capture('get-verbose', 'stderr')));
      expect(r.stdout).to.contain('<title>Welcome to nginx!</title>');
    });

    it('a service without endpoints is REJECTed: connection refused (exit 7)', async () => {
      const r = await run('debian', ['curl', '-v', `http://${empty}:18080/`]);
      expect(r.exitCode).to.equal(captureExit('refused-verbose'));
      expect(skeleton(r.stderr)).to.deep.equal(skeleton(capture('refused-verbose', 'stderr')));
      const s = await run('debian', ['curl', '-sS', `http://${empty}:18080/`]);
      expect(s.stderr).to.equal(capture('refused-silent-show', 'stderr').replace('127.0.0.1 port 9998', `${empty} port 18080`));
    });

    it('a port the service does not define matches no rule: -m 1 times out (exit 28)', async () => {
      const r = await run('debian', ['curl', '-v', '-m', '1', `http://${web}:9999/`]);
      expect(r.exitCode).to.equal(captureExit('max-time-verbose'));
      expect(skeleton(r.stderr)).to.deep.equal(skeleton(capture('max-time-verbose', 'stderr')));
      const c = await run('debian', ['curl', '-sS', '--connect-timeout', '1', `http://${web}:9999/`]);
      expect(c.exitCode).to.equal(28);
      expect(c.stderr).to.equal(capture('connect-timeout', 'stderr').replace('127.0.0.1', web));
    });

    it('an unknown name: Could not resolve host (exit 6)', async () => {
      const r = await run('debian', ['curl', '-v', 'http://nosuchhost.invalid/']);
      expect(r.exitCode).to.equal(6);
      expect(skeleton(r.stderr)).to.deep.equal(skeleton(capture('resolve-failure-verbose', 'stderr')));
    });

    it('--fail on a 404 (exit 22), with and without -v', async () => {
      const r = await run('debian', ['curl', '-v', '--fail', `http://${web}:18080/missing`]);
      expect(r.exitCode).to.equal(22);
      expect(skeleton(r.stderr)).to.deep.equal(skeleton(capture('fail-verbose', 'stderr')));
      const s = await run('debian', ['curl', '-sS', '--fail', `http://${web}:18080/missing`]);
      expect(s.stderr).to.equal(capture('fail-silent-show', 'stderr'));
      expect(s.stdout).to.equal('');
    });

    it('POST with -d: Content-Length and Content-Type after Accept, then the data line', async () => {
      const r = await run('debian', ['curl', '-s', '-d', 'a=b', '-v', `http://${web}:18080/`]);
      expect(skeleton(r.stderr)).to.deep.equal(skeleton(capture('post-verbose', 'stderr')));
    });

    it('-L follows a redirect over the same connection', async () => {
      await run('web-1', ['mkdir', '/usr/share/nginx/html/docs']);
      await run('web-1', ['sh', '-c', 'echo docs > /usr/share/nginx/html/docs/index.html']);
      // nginx redirects a directory to its listen port (80), so ask the pod itself.
      const r = await run('debian', ['curl', '-sSL', '-v', `http://${cluster.pod('web-1').status!.podIP}/docs`]);
      expect(r.stdout).to.equal('docs\n');
      expect(skeleton(r.stderr)).to.deep.equal(skeleton(capture('redirect-verbose', 'stderr')));
    });

    it('-w %{redirect_url}: the absolute Location of a redirect not followed, empty otherwise (curl 7.88.1 on this machine against a 301)', async () => {
      await run('web-1', ['mkdir', '-p', '/usr/share/nginx/html/docs']);
      await run('web-1', ['sh', '-c', 'echo docs > /usr/share/nginx/html/docs/index.html']);
      const ip = cluster.pod('web-1').status!.podIP;
      const r = await run('debian', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code} [%{redirect_url}]\\n', `http://${ip}/docs`]);
      expect(r.stdout).to.equal(`301 [http://${ip}/docs/]\n`);
      const followed = await run('debian', ['curl', '-sL', '-o', '/dev/null', '-w', '%{http_code} [%{redirect_url}]\\n', `http://${ip}/docs`]);
      expect(followed.stdout).to.equal('200 []\n');
    });

    it('-I and -i write the status line and headers with CRLF, then a blank line', async () => {
      const head = await run('debian', ['curl', '-sI', `http://${web}:18080/`]);
      const lines = head.stdout.split('\r\n');
      expect(lines[0]).to.equal('HTTP/1.1 200 OK');
      expect(lines.slice(-2)).to.deep.equal(['', '']);
      expect(capture('head', 'stdout').split('\r\n').slice(-2)).to.deep.equal(['', '']);
      const include = await run('debian', ['curl', '-si', `http://${web}:18080/`]);
      expect(include.stdout.startsWith(head.stdout)).to.equal(true);
      expect(include.stdout.slice(head.stdout.length)).to.contain('<h1>Welcome to nginx!</h1>');
    });

    it('-w writes the status code, 000 when no answer came', async () => {
      const r = await run('debian', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', `http://${web}:18080/missing`]);
      expect(r.stdout).to.equal(capture('write-out', 'stdout'));
      const none = await run('debian', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', `http://${empty}:18080/`]);
      expect([none.stdout, none.exitCode]).to.deep.equal(['000', 7]);
    });

    it('usage errors: an unknown option and no URL (exit 2)', async () => {
      const bad = await run('debian', ['curl', '--max-time=5', `http://${web}:18080/`]);
      expect([bad.stderr, bad.exitCode]).to.deep.equal([capture('bad-option', 'stderr'), 2]);
      const none = await run('debian', ['curl']);
      expect([none.stderr, none.exitCode]).to.deep.equal([capture('no-url', 'stderr'), 2]);
    });

    it('without -s the meter frames the transfer on stderr; with TERM (kubectl exec -t) it is left out', async () => {
      const r = await run('debian', ['curl', `http://${web}:18080/`]);
      expect(r.stderr.startsWith('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n')).to.equal(true);
      expect(r.stderr).to.match(/\r100   615  100   615    0     0  [ \dk]{5}      0 --:--:-- --:--:-- --:--:-- [ \dk]{5}\n$/);
      const tty = await cluster.exec('debian', ['env', 'TERM=xterm', 'curl', `http://${web}:18080/`]);
      expect(tty.stderr).to.equal('');
    });
  });

  describe('other curl generations (curl-messages.ts)', () => {
    it('7.35.0 (radial/busyboxplus): Rebuilt URL, Hostname not in cache, Trying without port, User-Agent before Host', async () => {
      const r = await run('plus', ['curl', '-sv', `http://${web}:18080`]);
      expect(r.stderr.split('\n').slice(0, 9)).to.deep.equal([
        `* Rebuilt URL to: http://${web}:18080/`,
        '* Hostname was NOT found in DNS cache',
        `*   Trying ${web}...`,
        `* Connected to ${web} (${web}) port 18080 (#0)`,
        '> GET / HTTP/1.1\r',
        '> User-Agent: curl/7.35.0\r',
        `> Host: ${web}:18080\r`,
        '> Accept: */*\r',
        '> \r',
      ]);
      const unknown = await run('plus', ['curl', '-sS', 'http://nosuch']);
      expect(unknown.stderr).to.equal("curl: (6) Couldn't resolve host 'nosuch'\n");
      const refused = await run('plus', ['curl', '-sS', `http://${empty}:18080/`]);
      expect(refused.stderr).to.equal(`curl: (7) Failed to connect to ${empty} port 18080: Connection refused\n`);
    });

    it('8.9.1 (curlimages/curl): Host resolved lines, no (#0), Request completely sent off, Could not connect', async () => {
      const r = await run('alpine', ['curl', '-sv', 'http://web:18080/']);
      const lines = r.stderr.split('\n');
      expect(lines.slice(0, 5)).to.deep.equal(['* Host web:18080 was resolved.', '* IPv6: (none)', `* IPv4: ${web}`, `*   Trying ${web}:18080...`, `* Connected to web (${web}) port 18080`]);
      expect(lines).to.include('* Request completely sent off');
      const refused = await run('alpine', ['curl', '-sv', `http://${empty}:18080/`]);
      expect(refused.stderr).to.match(new RegExp(`^\\*   Trying ${empty.replace(/\./g, '\\.')}:18080\\.\\.\\.\n\\* connect to ${empty.replace(/\./g, '\\.')} port 18080 from 10\\.244\\.1\\.\\d+ port \\d+ failed: Connection refused\n`));
      // -s keeps the `curl: (7)` line back; -v still tells.
      expect(refused.stderr.split('\n').slice(-3)).to.deep.equal([`* Failed to connect to ${empty} port 18080 after 0 ms: Could not connect to server`, '* closing connection #0', '']);
      expect((await run('alpine', ['curl', '-sS', `http://${empty}:18080/`])).stderr).to.equal(`curl: (7) Failed to connect to ${empty} port 18080 after 0 ms: Could not connect to server\n`);
    });
  });

  describe('traces', () => {
    it('explain a refused connection from the API state', async () => {
      const r = await run('debian', ['curl', '-s', `http://${empty}:18080/`]);
      const trace = r.traces![0];
      expect(trace.ok).to.equal(false);
      expect(trace.failure).to.equal('service default/empty has no ready endpoints: its selector app=nothing matches no pod in namespace default');
    });

    it('show the DNS answer, the service rule and the DNAT to the pod', async () => {
      const r = await run('debian', ['curl', '-s', 'http://web:18080/']);
      const kinds = r.traces![0].hops.map((h) => `${h.kind} ${h.label}`);
      expect(kinds).to.include.members([`service default/web`, `dnat ${cluster.pod('web-1').status!.podIP}:80`]);
      expect(r.traces![0].hops.some((h) => h.kind === 'dns' && h.detail.includes(`A web.default.svc.cluster.local. -> NOERROR A ${web}`))).to.equal(true);
    });
  });
});
