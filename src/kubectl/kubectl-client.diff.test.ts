/**
 * Differential test against the real kubectl 1.31 client on this machine
 * (KUBECTL_131, default /usr/lib/google-cloud-sdk/bin/kubectl.1.31), run with
 * no cluster: every case below is decided client-side, so stdout, stderr and
 * the exit status must match byte for byte (klog headers normalised).
 *
 * Cases that need discovery even for `--dry-run=client` (the real binary
 * answers `The connection to the server localhost:8080 was refused`) are kept
 * out of this table and tested against goldens from the sources in
 * kubectl-commands.test.ts: `run ... --dry-run=client`, `create -f`, `apply`,
 * `expose`, and every command that reads or writes objects.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeHost } from './testing/fake-host.ts';

const REAL = process.env.KUBECTL_131 ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.31';
const TESTDATA = new URL('./testdata/', import.meta.url).pathname;

const FILES: Record<string, string> = {
  'cfg/a.txt': 'hello\n',
  'cfg/b.conf': 'world\n',
  'cfg/sub/c': 'x\n',
  'e.env': 'A=1\n# c\n\nB=2 \n export D=4\n',
  'good.env': 'A=1\n# comment\n\nB=two words\nC="q"\n',
  'bad.env': 'bad line\n',
  'default.conf': 'server {\n  listen 80;\n}\n',
};
const CERTS: Record<string, string> = { 't.crt': 'tls.crt', 't.key': 'tls.key', 'other.key': 'other.key' };

/** Each case: the arguments after `kubectl`. */
const CASES: string[][] = [
  // cobra: unknown commands and suggestions
  ['xyzzy'],
  ['foo'],
  ['de'],
  ['rm'],
  ['ps'],
  ['c'],
  // pflag errors through kubectl's flag error hook
  ['get', '--bogus'],
  ['--bogus', 'get'],
  ['-n'],
  ['get', '-z'],
  ['get', '-it'],
  ['get', '-n'],
  ['get', '--namespace'],
  ['get', '-o'],
  ['get', '---x'],
  ['get', '--=x'],
  ['get', '--replicas=abc'],
  ['get', 'pods', '--show-labels=maybe'],
  ['get', '-w=maybe'],
  ['get', 'pods', '-v=abc'],
  ['scale', 'deploy', 'x', '--replicas=abc'],
  ['create', 'deployment', 'x', '--image=nginx', '--replicas=x'],
  ['create', 'deployment', 'x', '--image=nginx', '--replicas=99999999999'],
  ['wait', '--timeout=abc'],
  ['run', 'x', '--image'],
  ['run', 'x', '--generator=run-pod/v1', '--image=nginx'],
  ['api-resources', '--bogus'],
  ['api-resources', '--namespaced=maybe'],
  ['create', 'service', 'nodeport', 'x', '--clusterip=None', '--tcp=80'],
  // global options checked before any request
  ['get', 'pods', '--request-timeout=abc'],
  ['get', 'pods', '--context=foo'],
  // missing arguments and required flags
  ['get'],
  ['create'],
  ['create', 'foo'],
  ['apply'],
  ['replace'],
  ['describe'],
  ['expose'],
  ['exec'],
  ['logs'],
  ['run'],
  ['run', 'x'],
  ['delete'],
  ['label'],
  ['annotate'],
  ['patch'],
  ['wait'],
  ['scale'],
  ['scale', 'deployment', 'x'],
  ['rollout', 'status'],
  ['rollout', 'foo'],
  ['config', 'foo'],
  ['create', 'secret', 'foo', 'x'],
  ['create', 'deployment'],
  ['create', 'deployment', '--image=nginx'],
  ['create', 'deployment', 'a', 'b', '--image=x'],
  ['create', 'namespace'],
  ['create', 'secret', 'generic', '--from-literal=a=b'],
  ['create', 'deployment', 'x', '--image=nginx', '--dry-run=bogus'],
  ['create', 'deployment', 'x', '--image=nginx', '-o', 'foo'],
  ['create', 'deployment', 'x', '--image=nginx', '-o', 'wide'],
  // generators: client-side validation
  ['create', 'service', 'clusterip', 'x', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'x', '--tcp=abc', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:99999', '--dry-run=client'],
  ['create', 'service', 'clusterip', 'x', '--tcp=80:Bad_Name', '--dry-run=client'],
  ['create', 'service', 'externalname', 'x', '--external-name=Bad_Name', '--dry-run=client'],
  ['create', 'service', 'externalname', 'x', '--dry-run=client'],
  ['create', 'configmap', 'c', '--from-file=nope.txt', '--dry-run=client'],
  ['create', 'configmap', 'c', '--from-file=k=nope.txt', '--dry-run=client'],
  ['create', 'configmap', 'c', '--from-literal=abc', '--dry-run=client'],
  ['create', 'configmap', 'c', '--from-literal=a=1', '--from-literal=a=2', '--dry-run=client'],
  ['create', 'configmap', 'c', '--from-env-file=e.env', '--dry-run=client'],
  ['create', 'configmap', 'c', '--from-env-file=bad.env', '--dry-run=client'],
  ['create', 'configmap', 'c', '--from-env-file=e.env', '--from-literal=x=1', '--dry-run=client'],
  ['create', 'configmap', 'c', '--from-file=k=cfg', '--dry-run=client'],
  ['create', 'secret', 'generic', 's', '--from-file=cfg/a.txt', '--from-literal=bad key=1', '--dry-run=client'],
  ['create', 'secret', 'tls', 't', '--cert=cfg/a.txt', '--key=cfg/b.conf', '--dry-run=client'],
  ['create', 'secret', 'tls', 't', '--cert=nope', '--key=cfg/b.conf', '--dry-run=client'],
  ['create', 'secret', 'tls', 't', '--dry-run=client'],
  ['create', 'secret', 'tls', 't', '--cert=t.crt', '--key=cfg/a.txt', '--dry-run=client'],
  ['create', 'secret', 'tls', 't', '--cert=t.key', '--key=t.crt', '--dry-run=client'],
  ['create', 'secret', 'tls', 't', '--cert=t.crt', '--key=t.crt', '--dry-run=client'],
  ['create', 'secret', 'tls', 't', '--cert=t.crt', '--key=other.key', '--dry-run=client'],
  ['create', 'secret', 'docker-registry', 'my-secret', '--docker-server=DOCKER_REGISTRY_SERVER', '--docker-username=DOCKER_USER', '--dry-run=client'],
  ['create', 'ingress', 'i', '--dry-run=client'],
  ['create', 'ingress', 'i', '--rule=foo.com=svc:80', '--dry-run=client'],
  ['create', 'ingress', 'i', '--rule=foo.com/=svc:80', '--annotation=bad', '--dry-run=client'],
  ['create', 'ingress', 'i', '--default-backend=svc', '--dry-run=client'],
  // generators: the objects, as YAML and JSON
  ['create', 'deployment', 'my-nginx', '--image=nginx', '--replicas=2', '--port=80', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'my-nginx', '--image=nginx', '--replicas=2', '--port=80', '--dry-run=client', '-o', 'json'],
  ['create', 'deployment', 'web', '--image=nginx:1.18-alpine', '--image=radial/busyboxplus:curl', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '-n', 'config', '--dry-run=client', '-o', 'yaml'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'name'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=client', '-o', 'jsonpath={.spec.template.spec.containers[0].name}'],
  ['create', 'service', 'clusterip', 'my-svc', '--tcp=80:8080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'clusterip', 'my-svc', '--tcp=80:8080', '--tcp=443', '--dry-run=client', '-o', 'json'],
  ['create', 'service', 'clusterip', 'x', '--clusterip=None', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'my-svc', '--tcp=80:http', '--node-port=30080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'nodeport', 'my-svc', '--tcp=80:http', '--node-port=30080', '--dry-run=client', '-o', 'json'],
  ['create', 'service', 'loadbalancer', 'my-svc', '--tcp=80:8080', '--dry-run=client', '-o', 'yaml'],
  ['create', 'service', 'externalname', 'my-svc', '--external-name=example.com', '--dry-run=client', '-o', 'yaml'],
  ['create', 'svc', 'clusterip', 'my-svc', '--tcp=80', '--dry-run=client'],
  ['create', 'secret', 'generic', 's1', '--from-literal=a=b', '--from-literal=c=d', '--dry-run=client', '-o', 'yaml'],
  ['create', 'secret', 'generic', 'mysql-root-password', '-n', 'config', '--from-literal=password=123456', '--dry-run=client', '-o', 'yaml'],
  ['create', 'secret', 'generic', 's1', '--from-file=cfg', '--type=foo', '--dry-run=client', '-o', 'json'],
  ['create', 'secret', 'tls', 'nginxsecret', '--key', 't.key', '--cert', 't.crt', '--dry-run=client', '-o', 'yaml'],
  [
    'create', 'secret', 'docker-registry', 'my-secret', '--docker-server=DOCKER_REGISTRY_SERVER', '--docker-username=DOCKER_USER',
    '--docker-password=p', '--docker-email=e@x', '--dry-run=client', '-o', 'yaml',
  ],
  ['create', 'configmap', 'my-config', '--from-literal=key1=config1', '--from-literal=key2=config2', '--dry-run=client', '-o', 'yaml'],
  ['create', 'configmap', 'nginxconfigmap', '--from-file=default.conf', '--dry-run=client', '-o', 'yaml'],
  ['create', 'configmap', 'c', '--from-file=cfg', '--dry-run=client', '-o', 'yaml'],
  ['create', 'configmap', 'c', '--from-file=k=cfg/a.txt', '--from-file=cfg/b.conf', '--dry-run=client', '-o', 'json'],
  ['create', 'configmap', 'c', '--from-env-file=good.env', '--dry-run=client', '-o', 'yaml'],
  ['create', 'cm', 'c', '--dry-run=client', '-o', 'yaml'],
  ['create', 'namespace', 'config', '--dry-run=client', '-o', 'yaml'],
  ['create', 'ns', 'config', '--dry-run=client', '-o', 'json'],
  ['create', 'ingress', 'ing1', '--class=nginx', '--rule=foo.com/bar*=svc:8080,tls=mysecret', '--dry-run=client', '-o', 'yaml'],
  [
    'create', 'ingress', 'ing1', '--class=nginx', '--rule=foo.com/bar*=svc:8080,tls=mysecret', '--rule=/x=svc2:http', '--rule=foo.com/admin=adm:80',
    '--default-backend=def:80', '--annotation=a=b', '--annotation=nginx.ingress.kubernetes.io/rewrite-target=/$2', '--dry-run=client', '-o', 'json',
  ],
  ['create', 'ingress', 'simple', '--rule=foo.com/bar=svc1:8080,tls=my-cert', '--dry-run=client', '-o', 'yaml'],
  ['create', 'ingress', 'ingtls', '--rule=foo.com/=svc:https,tls', '--rule=foo.com/path/subpath*=othersvc:8080', '--dry-run=client', '-o', 'yaml'],
  // version
  ['version', '--client'],
  ['version', '--client', '-o', 'json'],
  ['version', '--client', '-o', 'yaml'],
  ['version', '--client', '-o', 'xml'],
  ['version', 'foo'],
];

/** klog headers carry the wall clock and the process id: keep the severity, file and message. */
function normalise(text: string): string {
  return text.replace(/^([IWE])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1<time> <pid> ');
}

function prepareDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-diff-'));
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  for (const [name, fixture] of Object.entries(CERTS)) copyFileSync(join(TESTDATA, fixture), join(dir, name));
  return dir;
}

describe('kubectl against the real kubectl 1.31 client (no cluster)', () => {
  if (!existsSync(REAL)) {
    it.skip(`skipped: no real kubectl 1.31 at ${REAL} (set KUBECTL_131)`, () => undefined);
    return;
  }
  const dir = prepareDir();
  const certFiles = Object.fromEntries(Object.entries(CERTS).map(([name, fixture]) => [name, readFixture(fixture)]));
  for (const args of CASES) {
    it(args.join(' '), async () => {
      const real = spawnSync(REAL, args, { cwd: dir, env: { KUBECONFIG: join(dir, 'no-kubeconfig'), HOME: dir, PATH: '/usr/bin:/bin' }, encoding: 'utf8' });
      const host = createFakeHost({ ...FILES, ...certFiles });
      const ours = await host.kubectl(args);
      expect({ stdout: ours.stdout, stderr: normalise(ours.stderr), exitCode: ours.exitCode }).to.deep.equal({
        stdout: real.stdout,
        stderr: normalise(real.stderr),
        exitCode: real.status,
      });
    });
  }
});

function readFixture(name: string): string {
  return readFileSync(join(TESTDATA, name), 'utf8');
}
