import { before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Ingress } from '../api/networking.ts';
import { NetworkTestCluster, podOn, serviceOf } from '../network/testing/network-test-cluster.ts';
import { MemoryFileSystem } from '../shell/memory-fs.ts';
import type { CommandResult } from '../shell/types.ts';
import { outsidePrograms, registerNetworkTools } from '../tools/http/register-network-tools.ts';
import { STATUS_SYNC_INTERVAL_MS } from './ingress-nginx-controller.ts';

/**
 * ingress-nginx end to end on kind: installed from kind's deploy.yaml, reached
 * from the user's machine through the host ports 80/443 that kind's ingress
 * guide maps to the control plane (https://kind.sigs.k8s.io/docs/user/ingress/).
 */

function ingress(name: string, annotations: Record<string, string>, host: string, paths: [string, string, string][], tls = false): Ingress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      ingressClassName: 'nginx',
      ...(tls ? { tls: [{ hosts: [host] }] } : {}),
      rules: [{ host, http: { paths: paths.map(([path, pathType, service]) => ({ path, pathType: pathType as 'Prefix', backend: { service: { name: service, port: { number: 80 } } } })) } }],
    },
  };
}

describe('ingress-nginx on kind (user machine → localhost:80/443 → controller → pods)', () => {
  let cluster: NetworkTestCluster;
  const curl = async (...args: string[]): Promise<CommandResult> => {
    const program = outsidePrograms(cluster.network).get('curl')!;
    return program({ argv: ['curl', ...args], stdin: '', env: new Map(), cwd: '/', fs: new MemoryFileSystem(), run: async () => ({ stdout: '', stderr: '', exitCode: 0 }), sleep: async (s) => cluster.advance(s * 1000) });
  };

  before(() => {
    cluster = new NetworkTestCluster({ ingressNginx: true, registerPrograms: (registry, network) => registerNetworkTools(registry, network) });
    cluster.create(podOn('web-1', 'kind-worker', 'nginx', { labels: { app: 'web' }, ports: [{ containerPort: 80 }] }));
    cluster.create(podOn('echo', 'kind-worker2', 'registry.k8s.io/echoserver:1.10', { labels: { app: 'echo' }, ports: [{ containerPort: 8080 }] }));
    cluster.create(serviceOf('web', { app: 'web' }, [{ port: 80, targetPort: 80 }]));
    cluster.create(serviceOf('echo', { app: 'echo' }, [{ port: 80, targetPort: 8080 }]));
    cluster.advance(90_000); // images pulled, the controller Ready and leading
  });

  it('writes ADDRESS localhost (--publish-status-address) at the next status sync, not at once', () => {
    // internal/ingress/status/status.go: the leader syncs every updateInterval (60 s).
    cluster.create(ingress('demo', {
      'nginx.ingress.kubernetes.io/rewrite-target': '/$2',
      'nginx.ingress.kubernetes.io/proxy-connect-timeout': '600',
    }, 'foo.bar', [['/web(/|$)(.*)', 'ImplementationSpecific', 'web'], ['/echo(/|$)(.*)', 'ImplementationSpecific', 'echo']]));
    const status = () => cluster.api.get<Ingress>({ kind: 'Ingress', namespace: 'default', name: 'demo' }).status?.loadBalancer?.ingress;
    expect(status() ?? []).to.deep.equal([]);
    cluster.advance(STATUS_SYNC_INTERVAL_MS);
    expect(status()).to.deep.equal([{ hostname: 'localhost' }]);
  });

  it('routes by Host and rewrites /echo/hello to /hello, adding the X-Forwarded headers (echoserver shows them)', async () => {
    const result = await curl('-s', '-H', 'Host: foo.bar', 'http://localhost/echo/hello?x=1');
    expect(result.exitCode).to.equal(0);
    const controllerIP = cluster.pods('app.kubernetes.io/component=controller', 'ingress-nginx')[0].status!.podIP!;
    // The upstream sees the controller pod as the client (nginx connects from its pod), the user's
    // machine (the docker bridge gateway) in X-Forwarded-For / X-Real-IP.
    for (const line of [`\tclient_address=${controllerIP}`, '\treal path=/hello', '\tquery=x=1', '\thost=foo.bar', '\tx-forwarded-for=172.18.0.1', '\tx-forwarded-host=foo.bar', '\tx-forwarded-port=80', '\tx-forwarded-proto=http', '\tx-real-ip=172.18.0.1', '\tx-scheme=http']) {
      expect(result.stdout.split('\n')).to.include(line);
    }
  });

  it('answers an unknown host with the default backend\'s 404 page (server_tokens off: footer "nginx")', async () => {
    const result = await curl('-s', 'http://localhost/nothing');
    // nginx src/http/ngx_http_special_response.c: ngx_http_error_404_page + ngx_http_error_tail.
    expect(result.stdout).to.equal('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n');
  });

  it('redirects plain HTTP with 308 once the Ingress has a tls section (ssl-redirect defaults to true)', async () => {
    cluster.create(ingress('secure', {}, 'secure.bar', [['/', 'Prefix', 'web']], true));
    const head = await curl('-sI', '-H', 'Host: secure.bar', 'http://localhost/some/page?q=1');
    const lines = head.stdout.split('\r\n');
    expect(lines[0]).to.equal('HTTP/1.1 308 Permanent Redirect');
    expect(lines).to.include('Location: https://secure.bar/some/page?q=1');
    const body = await curl('-s', '-H', 'Host: secure.bar', 'http://localhost/');
    expect(body.stdout).to.contain('<center><h1>308 Permanent Redirect</h1></center>');
  });

  it('serves HTTPS with the controller\'s fake certificate when the tls section names no Secret', async () => {
    const insecure = await curl('-sk', '-v', '-H', 'Host: secure.bar', 'https://localhost/');
    expect(insecure.exitCode).to.equal(0);
    expect(insecure.stdout).to.contain('<h1>Welcome to nginx!</h1>');
    // internal/net/ssl/ssl.go getFakeSSLCert: O=Acme Co, CN=Kubernetes Ingress Controller Fake Certificate.
    expect(insecure.stderr).to.contain('*  subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate\n');
    expect(insecure.stderr).to.contain('< Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n');
    const verified = await curl('-s', '-H', 'Host: secure.bar', 'https://localhost/');
    expect(verified.exitCode).to.equal(60);
  });

  it('puts the annotations into /etc/nginx/nginx.conf inside the controller pod (`cat nginx.conf | grep proxy_connect`)', async () => {
    const controller = cluster.pods('app.kubernetes.io/component=controller', 'ingress-nginx')[0].metadata.name!;
    const result = await cluster.exec(controller, ['sh', '-c', 'cat /etc/nginx/nginx.conf | grep proxy_connect_timeout'], 'ingress-nginx');
    const lines = result.stdout.trimEnd().split('\n').map((l) => l.trim());
    // The default server's `/` keeps the 5 s default (config.go ProxyConnectTimeout); every location of foo.bar has 600 s.
    expect(lines.filter((l) => l === 'proxy_connect_timeout                   5s;').length).to.be.greaterThan(0);
    expect(lines.filter((l) => l === 'proxy_connect_timeout                   600s;')).to.have.length(3);
  });
});
