import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ConfigMap, Container, Pod, Secret, Service } from '../../api/core.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { makeEnvironmentVariables, type EnvironmentSources } from './container-env.ts';
import { serviceEnvVarMap, serviceEnvVars } from './envvars.ts';
import { expandReferences } from './expansion.ts';
import { containerProcessEnvironment, processEnvironment } from './process-env.ts';

function service(namespace: string, name: string, clusterIP: string, ports: Service['spec']['ports']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace, name }, spec: { clusterIP, ports } };
}

function pod(name: string, container: Container, extra: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: 'default', name, uid: 'uid-1', labels: { app: 'kubia' } },
    spec: { containers: [container], nodeName: 'kind-worker', serviceAccountName: 'default', ...extra },
  };
}

function sources(services: Service[], objects: { configMaps?: ConfigMap[]; secrets?: Secret[] } = {}): EnvironmentSources {
  return {
    serviceVariables: (namespace, enableServiceLinks) => serviceEnvVarMap(services, namespace, enableServiceLinks),
    configMap: (ns, name) => objects.configMaps?.find((c) => c.metadata.namespace === ns && c.metadata.name === name),
    secret: (ns, name) => objects.secrets?.find((s) => s.metadata.namespace === ns && s.metadata.name === name),
    podIP: '10.244.1.5',
    hostIP: '172.18.0.3',
    mapOrder: new SeededRandom('env-test'),
  };
}

const kubernetes10 = service('default', 'kubernetes', '10.0.0.1', [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
const myNginx = service('default', 'my-nginx', '10.0.162.149', [{ port: 80, protocol: 'TCP' }]);
const nginxImageEnv = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NGINX_VERSION: '1.27.1', NJS_VERSION: '0.8.5', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm' };

function printenv(p: Pod, s: EnvironmentSources, imageEnv: Record<string, string>): string[] {
  const result = makeEnvironmentVariables(p, p.spec.containers[0], s);
  if (!result.ok) throw new Error(result.error);
  const env = processEnvironment(containerProcessEnvironment({ hostname: p.metadata.name!, imageEnv, kubeletEnv: result.env.pairs(), tty: false }), { tty: false, home: '/root' });
  return [...env].map(([k, v]) => `${k}=${v}`);
}

describe('service environment variables (envvars.go FromServices)', () => {
  it('writes every variable of a named two-port service', () => {
    // Expected per FIDELITY §1 and envvars.go: SERVICE_HOST, SERVICE_PORT, one SERVICE_PORT_<NAME> per named port, docker link vars.
    const svc = service('default', 'my-nginx', '10.96.5.6', [
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'https', port: 443, protocol: 'TCP' },
    ]);
    expect(serviceEnvVars([svc]).map((e) => `${e.name}=${e.value}`)).to.deep.equal([
      'MY_NGINX_SERVICE_HOST=10.96.5.6',
      'MY_NGINX_SERVICE_PORT=8080',
      'MY_NGINX_SERVICE_PORT_HTTP=8080',
      'MY_NGINX_SERVICE_PORT_HTTPS=443',
      'MY_NGINX_PORT=tcp://10.96.5.6:8080',
      'MY_NGINX_PORT_8080_TCP=tcp://10.96.5.6:8080',
      'MY_NGINX_PORT_8080_TCP_PROTO=tcp',
      'MY_NGINX_PORT_8080_TCP_PORT=8080',
      'MY_NGINX_PORT_8080_TCP_ADDR=10.96.5.6',
      'MY_NGINX_PORT_443_TCP=tcp://10.96.5.6:443',
      'MY_NGINX_PORT_443_TCP_PROTO=tcp',
      'MY_NGINX_PORT_443_TCP_PORT=443',
      'MY_NGINX_PORT_443_TCP_ADDR=10.96.5.6',
    ]);
  });

  it('skips headless and ExternalName services', () => {
    const headless = service('default', 'kubia-headless', 'None', [{ port: 80 }]);
    const external: Service = { apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'default', name: 'ext' }, spec: { type: 'ExternalName', externalName: 'api.somecompany.com', ports: [{ port: 80 }] } };
    expect(serviceEnvVars([headless, external])).to.deep.equal([]);
  });

  it('keeps only kubernetes with enableServiceLinks=false, and other namespaces never', () => {
    const other = service('team', 'db', '10.96.9.9', [{ port: 5432 }]);
    const p = pod('x', { name: 'c', image: 'nginx' }, { enableServiceLinks: false });
    const result = makeEnvironmentVariables(p, p.spec.containers[0], sources([kubernetes10, myNginx, other]));
    if (!result.ok) throw new Error(result.error);
    expect(result.env.pairs().map((e) => e.name).sort()).to.deep.equal([
      'KUBERNETES_PORT',
      'KUBERNETES_PORT_443_TCP',
      'KUBERNETES_PORT_443_TCP_ADDR',
      'KUBERNETES_PORT_443_TCP_PORT',
      'KUBERNETES_PORT_443_TCP_PROTO',
      'KUBERNETES_SERVICE_HOST',
      'KUBERNETES_SERVICE_PORT',
      'KUBERNETES_SERVICE_PORT_HTTPS',
    ]);
  });
});

describe('seed 000: the ordering problem', () => {
  const nginxPod = pod('my-nginx-3800858182-jr4a2', { name: 'my-nginx', image: 'nginx', ports: [{ containerPort: 80 }] });

  it('pods started before the service see only kubernetes', () => {
    // seed 000: `kubectl exec my-nginx-3800858182-jr4a2 -- printenv | grep SERVICE`
    const lines = printenv(nginxPod, sources([kubernetes10]), nginxImageEnv).filter((l) => l.includes('SERVICE'));
    expect(lines).to.have.members(['KUBERNETES_SERVICE_HOST=10.0.0.1', 'KUBERNETES_SERVICE_PORT=443', 'KUBERNETES_SERVICE_PORT_HTTPS=443']);
  });

  it('pods started after it see MY_NGINX_* too', () => {
    // seed 000: `kubectl exec my-nginx-3800858182-e9ihh -- printenv | grep SERVICE` (five lines, Go map order).
    const lines = printenv(nginxPod, sources([kubernetes10, myNginx]), nginxImageEnv).filter((l) => l.includes('SERVICE'));
    expect(lines).to.have.members([
      'KUBERNETES_SERVICE_PORT=443',
      'MY_NGINX_SERVICE_HOST=10.0.162.149',
      'KUBERNETES_SERVICE_HOST=10.0.0.1',
      'MY_NGINX_SERVICE_PORT=80',
      'KUBERNETES_SERVICE_PORT_HTTPS=443',
    ]);
  });

  it('draws the service variables in a seeded order: the same for one seed, different across seeds', () => {
    const s = (seed: string) => ({ ...sources([kubernetes10, myNginx]), mapOrder: new SeededRandom(seed) });
    expect(printenv(nginxPod, s('a'), nginxImageEnv)).to.deep.equal(printenv(nginxPod, s('a'), nginxImageEnv));
    const orders = new Set(['a', 'b', 'c', 'd'].map((seed) => printenv(nginxPod, s(seed), nginxImageEnv).join('\n')));
    expect(orders.size).to.be.greaterThan(1);
  });

  it('puts PATH, HOSTNAME and the image Env first and HOME last, as containerd and runc do', () => {
    const lines = printenv(nginxPod, sources([kubernetes10]), nginxImageEnv);
    expect(lines.slice(0, 6)).to.deep.equal([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=my-nginx-3800858182-jr4a2',
      'NGINX_VERSION=1.27.1',
      'NJS_VERSION=0.8.5',
      'NJS_RELEASE=1~bookworm',
      'PKG_RELEASE=1~bookworm',
    ]);
    expect(lines.at(-1)).to.equal('HOME=/root');
    expect(lines).to.have.length(6 + 8 + 1);
  });
});

describe('seed 001: `kubectl exec kubia-3inly env`', () => {
  it('lists PATH, HOSTNAME, the node:7 Env and the kubernetes and kubia services', () => {
    const kubernetes = service('default', 'kubernetes', '10.111.240.1', [{ name: 'https', port: 443, protocol: 'TCP' }]);
    const kubia = service('default', 'kubia', '10.111.249.153', [{ port: 80, targetPort: 8080 }]);
    const p = pod('kubia-3inly', { name: 'kubia', image: 'luksa/kubia' });
    const imageEnv = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', NPM_CONFIG_LOGLEVEL: 'info', NODE_VERSION: '7.10.1', YARN_VERSION: '0.24.4' };
    const lines = printenv(p, sources([kubernetes, kubia]), imageEnv);
    // The seed's lines (docker-era order aside): PATH and HOSTNAME lead on both runtimes.
    expect(lines.slice(0, 2)).to.deep.equal(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=kubia-3inly']);
    expect(lines).to.include.members(['KUBERNETES_SERVICE_HOST=10.111.240.1', 'KUBERNETES_SERVICE_PORT=443', 'KUBIA_SERVICE_HOST=10.111.249.153', 'KUBIA_SERVICE_PORT=80']);
    expect(lines.slice(2, 5)).to.deep.equal(['NPM_CONFIG_LOGLEVEL=info', 'NODE_VERSION=7.10.1', 'YARN_VERSION=0.24.4']);
  });
});

describe('env and envFrom (makeEnvironmentVariables)', () => {
  const configMap: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', name: 'cfg' }, data: { MODE: 'fast', LEVEL: '3' } };
  const secret: Secret = { apiVersion: 'v1', kind: 'Secret', metadata: { namespace: 'default', name: 'mysql-root-password' }, data: { password: Buffer.from('123456').toString('base64') } };

  it('resolves values, references, fieldRefs, ConfigMap and Secret keys; env wins over envFrom and service vars', () => {
    const p = pod('mysql', {
      name: 'mysql',
      image: 'mysql:5.6',
      envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
      env: [
        { name: 'CFG_MODE', value: 'slow' },
        { name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql-root-password', key: 'password' } } },
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'URL', value: 'http://$(KUBERNETES_SERVICE_HOST):$(KUBERNETES_SERVICE_PORT)/$(POD_NAME)/$(NOPE)/$$(POD_NAME)' },
        { name: 'KUBERNETES_SERVICE_PORT', value: '8443' },
        { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'LEVEL' } } },
      ],
    });
    const result = makeEnvironmentVariables(p, p.spec.containers[0], sources([kubernetes10], { configMaps: [configMap], secrets: [secret] }));
    if (!result.ok) throw new Error(result.error);
    const env = Object.fromEntries(result.env.pairs().map((e) => [e.name, e.value]));
    expect(env).to.include({
      CFG_MODE: 'slow',
      CFG_LEVEL: '3',
      MYSQL_ROOT_PASSWORD: '123456',
      POD_NAME: 'mysql',
      POD_IP: '10.244.1.5',
      NODE: 'kind-worker',
      APP: 'kubia',
      URL: 'http://10.0.0.1:443/mysql/$(NOPE)/$(POD_NAME)',
      KUBERNETES_SERVICE_PORT: '8443',
      LEVEL: '3',
    });
    expect(result.env.pairs().filter((e) => e.name === 'KUBERNETES_SERVICE_PORT')).to.have.length(1);
  });

  // Texts: the API server's NotFound message and kubelet_pods.go's `couldn't find key %v in ConfigMap %v/%v`.
  const failures: [string, Container, string][] = [
    ['missing ConfigMap', { name: 'c', image: 'x', envFrom: [{ configMapRef: { name: 'nope' } }] }, 'configmap "nope" not found'],
    ['missing Secret', { name: 'c', image: 'x', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'nope', key: 'k' } } }] }, 'secret "nope" not found'],
    ['missing key', { name: 'c', image: 'x', env: [{ name: 'P', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }] }, "couldn't find key k in ConfigMap default/cfg"],
    ['missing secret key', { name: 'c', image: 'x', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'mysql-root-password', key: 'k' } } }] }, "couldn't find key k in Secret default/mysql-root-password"],
  ];
  for (const [title, container, error] of failures) {
    it(`fails on a ${title}`, () => {
      const p = pod('p', container);
      expect(makeEnvironmentVariables(p, container, sources([], { configMaps: [configMap], secrets: [secret] }))).to.deep.equal({ ok: false, error });
    });
  }

  it('skips optional references that are missing', () => {
    const container: Container = { name: 'c', image: 'x', envFrom: [{ configMapRef: { name: 'nope', optional: true } }], env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'nope', key: 'k', optional: true } } }] };
    const result = makeEnvironmentVariables(pod('p', container), container, sources([]));
    expect(result.ok && result.env.pairs()).to.deep.equal([]);
  });
});

describe('expandReferences (expansion/expand.go)', () => {
  const vars: Record<string, string> = { A: 'x', EMPTY: '' };
  const table: [string, string][] = [
    ['$(A)', 'x'],
    ['a$(A)b$(A)', 'axbx'],
    ['$(B)', '$(B)'],
    ['$$(A)', '$(A)'],
    ['$$', '$'],
    ['$A', '$A'],
    ['$(A', '$(A'],
    ['$(EMPTY)z', 'z'],
    ['tail$', 'tail$'],
  ];
  for (const [input, output] of table) {
    it(`${input} -> ${output}`, () => {
      expect(expandReferences(input, (n) => vars[n])).to.equal(output);
    });
  }
});

describe('process environment (containerd WithEnv, runc HOME)', () => {
  it('lets the container override PATH and HOSTNAME in place, adds TERM for tty', () => {
    const env = containerProcessEnvironment({
      hostname: 'web',
      imageEnv: { PATH: '/usr/local/apache2/bin:/usr/bin', HTTPD_PREFIX: '/usr/local/apache2' },
      kubeletEnv: [{ name: 'HOSTNAME', value: 'custom' }, { name: 'X', value: '1' }],
      tty: true,
    });
    expect([...processEnvironment(env, { tty: true, home: '/root' })]).to.deep.equal([
      ['PATH', '/usr/local/apache2/bin:/usr/bin'],
      ['TERM', 'xterm'],
      ['HOSTNAME', 'custom'],
      ['HTTPD_PREFIX', '/usr/local/apache2'],
      ['X', '1'],
      ['HOME', '/root'],
    ]);
  });
});
