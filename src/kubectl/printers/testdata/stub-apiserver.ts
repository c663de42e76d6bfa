/**
 * Test tooling: a minimal HTTP API server that serves fixed objects to the real kubectl, so its
 * client-side output (table layout, -o yaml/json/name/jsonpath/custom-columns, describe) can be
 * captured as goldens. It serves legacy discovery, GET of objects and lists (label and simple field
 * selectors), and server-side tables built by this package's table printers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '../../../api/meta.ts';
import { tableFor } from '../table/registry.ts';
import { FIXTURE_RESOURCES, listObjects } from './fixture-resources.ts';

function send(res: http.ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function matchesLabels(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  const labels = object.metadata.labels ?? {};
  return selector.split(',').every((term) => {
    const [key, value] = term.split('=');
    return value === undefined ? key in labels : labels[key] === value;
  });
}

function fieldValue(object: KubeObject, path: string): string {
  let value: unknown = object;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value === undefined || value === null ? '' : String(value);
}

function matchesFields(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const negated = term.includes('!=');
    const [path, value] = term.split(negated ? '!=' : '=');
    return negated ? fieldValue(object, path) !== value : fieldValue(object, path) === value;
  });
}

function table(kind: string, group: string, objects: KubeObject[], now: number): unknown {
  const t = tableFor(group, kind);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '9999' },
    columnDefinitions: t.columns.map((c) => ({ name: c.name, type: 'string', format: c.format ?? '', description: '', priority: c.priority })),
    rows: objects.map((object) => ({ cells: t.row(object, { now }), object })),
  };
}

/** Starts the stub on a free port; `now` dates the ages of table cells. */
export async function startStubApiServer(objects: KubeObject[], now: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const path = url.pathname.replace(/\/$/, '');
    if (path === '/version') return send(res, 200, { major: '1', minor: '31', gitVersion: 'v1.31.0', platform: 'linux/amd64' });
    if (path === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.3:6443' }] });
    const groups = [...new Set(FIXTURE_RESOURCES.map((r) => r.group).filter((g) => g !== ''))];
    if (path === '/apis') {
      return send(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: groups.map((g) => ({ name: g, versions: [{ groupVersion: `${g}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' } })),
      });
    }
    const discovery = /^\/api\/v1$|^\/apis\/([^/]+)\/v1$/.exec(path);
    if (discovery) {
      const group = discovery[1] ?? '';
      const resources = FIXTURE_RESOURCES.filter((r) => r.group === group).map((r) => ({
        name: r.resource,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: r.verbs,
        shortNames: r.shortNames,
        categories: r.categories,
      }));
      return send(res, 200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/v1` : 'v1', resources });
    }
    const m = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    if (!m) return send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 });
    const [, group = '', namespace, resource, name] = m;
    const info = FIXTURE_RESOURCES.find((r) => r.group === group && r.resource === resource);
    if (!info) return send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 });
    const wantTable = (req.headers.accept ?? '').includes('as=Table');
    let items = listObjects(objects, info, info.namespaced ? namespace : undefined);
    if (name !== undefined) {
      const found = items.find((o) => o.metadata.name === name);
      if (!found) {
        const gr = group ? `${resource}.${group}` : resource;
        return send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${gr} "${name}" not found`, reason: 'NotFound', details: { name, group, kind: resource }, code: 404 });
      }
      return send(res, 200, wantTable ? table(info.kind, group, [found], now) : found);
    }
    items = items.filter((o) => matchesLabels(o, url.searchParams.get('labelSelector')) && matchesFields(o, url.searchParams.get('fieldSelector')));
    if (wantTable) return send(res, 200, table(info.kind, group, items, now));
    return send(res, 200, { kind: `${info.kind}List`, apiVersion: group ? `${group}/v1` : 'v1', metadata: { resourceVersion: '9999' }, items });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
