import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { HTTPIngressPath, Ingress } from '../api/networking.ts';
import { rewriteUri, selectLocation, selectServer } from './ingress-router.ts';
import { buildServers, type IngressServer } from './ingress-servers.ts';
import { cleanConf, locationPath, enforceRegex, renderNginxConf } from './nginx-conf.ts';

let stamp = 0;
function ingress(name: string, rules: { host?: string; paths: [string, HTTPIngressPath['pathType'], string][] }[], annotations: Record<string, string> = {}): Ingress {
  stamp++;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', annotations, creationTimestamp: `2026-01-01T00:00:${String(stamp).padStart(2, '0')}Z` },
    spec: {
      rules: rules.map((r) => ({ host: r.host, http: { paths: r.paths.map(([path, pathType, service]) => ({ path, pathType, backend: { service: { name: service, port: { number: 80 } } } })) } })),
    },
  };
}

const servers = (...ings: Ingress[]) => buildServers(ings, () => undefined);

/** Where a request goes: the service of the chosen location, or `404` for the default backend. */
function route(list: IngressServer[], host: string, path: string): string {
  const server = selectServer(list, host);
  const found = selectLocation(server, path);
  if (!found || found.location.isDefaultBackend) return '404';
  return found.location.service!.name;
}

const written = (server: IngressServer) => server.locations.map((l) => locationPath(l, enforceRegex(server)));

describe('ingress-nginx routing (FIDELITY §8; docs/user-guide/ingress-path-matching.md)', () => {
  it('Prefix /foo matches /foo and /foo/..., not /foobar: written as `/foo/` plus `= /foo` (location.go)', () => {
    const list = servers(ingress('a', [{ host: 'foo.bar', paths: [['/foo', 'Prefix', 'foo']] }]));
    const server = list.find((s) => s.hostname === 'foo.bar')!;
    expect(written(server)).to.deep.equal(['/foo/', '= /foo', '/']);
    const table: [string, string][] = [
      ['/foo', 'foo'],
      ['/foo/', 'foo'],
      ['/foo/bar', 'foo'],
      ['/foobar', '404'],
      ['/', '404'],
    ];
    for (const [path, expected] of table) expect(route(list, 'foo.bar', path), path).to.equal(expected);
  });

  it('Exact matches only the path itself', () => {
    const list = servers(ingress('a', [{ host: 'foo.bar', paths: [['/exact', 'Exact', 'exact']] }]));
    expect([route(list, 'foo.bar', '/exact'), route(list, 'foo.bar', '/exact/'), route(list, 'foo.bar', '/exactly')]).to.deep.equal(['exact', '404', '404']);
  });

  it('rewrite-target on one Ingress makes every path of the host a case-insensitive regex, longest first (the guide\'s example)', () => {
    const list = servers(
      ingress('test-ingress-1', [{ host: 'test.com', paths: [['/foo/bar', 'ImplementationSpecific', 'service1'], ['/foo/bar/', 'ImplementationSpecific', 'service2']] }]),
      ingress('test-ingress-2', [{ host: 'test.com', paths: [['/foo/bar/(.+)', 'ImplementationSpecific', 'service3']] }], { 'nginx.ingress.kubernetes.io/rewrite-target': '/$1' }),
    );
    const server = list.find((s) => s.hostname === 'test.com')!;
    // The guide's listing predates pathType; v1.11 turns ImplementationSpecific into Prefix (internal/k8s/main.go
    // SetDefaultNGINXPathType), so location.go updateServerLocations normalizes /foo/bar to /foo/bar/ and adds an
    // Exact twin for each plain Prefix path; with the regex enforced the twins are written as prefixes again.
    expect(written(server)).to.deep.equal(['~* "^/foo/bar/(.+)"', '~* "^/foo/bar/"', '~* "^/foo/bar/"', '~* "^/foo/bar/"', '~* "^/foo/bar"', '~* "^/"']);
    expect([route(list, 'test.com', '/foo/bar/1'), route(list, 'test.com', '/foo/bar/'), route(list, 'test.com', '/foo/bar'), route(list, 'test.com', '/FOO/BAR')]).to.deep.equal(['service3', 'service2', 'service1', 'service1']);
  });

  it('regexes are first-match: /foo/bar/[A-Z0-9]{3} catches /foo/bar/bar (the guide\'s warning)', () => {
    const list = servers(ingress('test-ingress-3', [{ host: 'test.com', paths: [['/foo/bar/bar', 'ImplementationSpecific', 'bar'], ['/foo/bar/[A-Z0-9]{3}', 'ImplementationSpecific', 'any3']] }], { 'nginx.ingress.kubernetes.io/use-regex': 'true' }));
    expect(written(list.find((s) => s.hostname === 'test.com')!)).to.deep.equal(['~* "^/foo/bar/[A-Z0-9]{3}"', '~* "^/foo/bar/bar"', '~* "^/"']);
    expect(route(list, 'test.com', '/foo/bar/bar')).to.equal('any3');
  });

  it('rewrite-target /$2 with /something(/|$)(.*) (docs/examples/rewrite)', () => {
    const list = servers(ingress('rewrite', [{ host: 'rewrite.bar.com', paths: [['/something(/|$)(.*)', 'ImplementationSpecific', 'http-svc']] }], { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' }));
    const location = selectLocation(selectServer(list, 'rewrite.bar.com'), '/something/new')!.location;
    const table: [string, string][] = [
      ['/something', '/'],
      ['/something/', '/'],
      ['/something/new', '/new'],
    ];
    for (const [uri, expected] of table) expect(rewriteUri(location, uri, ''), uri).to.equal(expected);
    expect(rewriteUri(location, '/something/new', 'a=b')).to.equal('/new?a=b');
  });

  it('a wildcard host matches exactly one label (buildServerName\'s regex)', () => {
    const list = servers(ingress('wild', [{ host: '*.foo.com', paths: [['/', 'Prefix', 'wild']] }]));
    expect([route(list, 'bar.foo.com', '/'), route(list, 'baz.bar.foo.com', '/'), route(list, 'foo.com', '/')]).to.deep.equal(['wild', '404', '404']);
  });

  it('a path taken by an older Ingress stays with it; / replaces the default backend; unknown hosts get the catch-all', () => {
    const list = servers(ingress('first', [{ host: 'h', paths: [['/', 'Prefix', 'one']] }]), ingress('second', [{ host: 'h', paths: [['/', 'Prefix', 'two']] }]));
    expect([route(list, 'h', '/x'), route(list, 'other', '/x')]).to.deep.equal(['one', '404']);
    expect(list.map((s) => s.hostname)).to.deep.equal(['_', 'h']);
  });
});

describe('nginx.conf', () => {
  it('cleanConf collapses blank lines and indents one tab per open brace (template.go)', () => {
    expect(cleanConf('http {\n    server {\n\n\n      listen 80 ;\n    }\n}\n')).to.equal('http {\n\tserver {\n\t\t\n\t\tlisten 80 ;\n\t}\n}\n');
  });

  it('seed 003\'s annotations appear as the location\'s proxy directives (`cat nginx.conf | grep proxy`)', () => {
    const ing = ingress('example-ingress-proxy', [{ host: 'example.cropy.cn', paths: [['/', 'ImplementationSpecific', 'web']] }], {
      'kubernetes.io/ingress.class': 'nginx',
      'nginx.ingress.kubernetes.io/proxy-connect-timeout': '600',
      'nginx.ingress.kubernetes.io/proxy-send-timeout': '600',
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '600',
      'nginx.ingress.kubernetes.io/proxy-body-size': '10m',
    });
    const conf = renderNginxConf(servers(ing), { checksum: '1', workerProcesses: 8, resolver: '10.96.0.10' });
    const block = conf.slice(conf.indexOf('## start server example.cropy.cn'), conf.indexOf('## end server example.cropy.cn'));
    expect(block.split('\n').filter((l) => /proxy_(connect|send|read)_timeout|client_max_body_size|proxy_pass|server_name|listen/.test(l))).to.deep.equal([
      '\t\tserver_name example.cropy.cn ;',
      '\t\tlisten 80  ;',
      '\t\tlisten [::]:80  ;',
      '\t\tlisten 443  ssl;',
      '\t\tlisten [::]:443  ssl;',
      '\t\t\tclient_max_body_size                    10m;',
      '\t\t\tproxy_connect_timeout                   600s;',
      '\t\t\tproxy_send_timeout                      600s;',
      '\t\t\tproxy_read_timeout                      600s;',
      '\t\t\tproxy_pass http://upstream_balancer;',
    ]);
    expect(block.match(/\tlocation \/ \{\n/g), 'ImplementationSpecific "/" replaces the default-backend root').to.have.length(1);
    expect(block).to.contain('\t\t\tset $service_name   "web";\n');
  });

  it('rewrite-target writes the regex location and the rewrite before proxy_pass (buildProxyPass)', () => {
    const ing = ingress('location-ingress', [{ host: 'test.cropy.cn', paths: [['/foo', 'ImplementationSpecific', 'web'], ['/bar', 'ImplementationSpecific', 'web1']] }], { 'nginx.ingress.kubernetes.io/rewrite-target': '/' });
    const conf = renderNginxConf(servers(ing), { checksum: '1', workerProcesses: 8, resolver: '10.96.0.10' });
    expect(conf).to.contain('\t\tlocation ~* "^/foo" {\n');
    expect(conf).to.contain('\t\t\trewrite "(?i)/foo" / break;\n\t\t\tproxy_pass http://upstream_balancer;\n');
  });
});
