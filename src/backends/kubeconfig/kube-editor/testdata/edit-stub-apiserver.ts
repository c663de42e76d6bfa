/**
 * Test tooling: the smallest API server the real `kubectl edit` works
 * against — legacy discovery of core/v1 services, GET of a service, and PATCH,
 * which it records and applies as a merge (enough for the field changes the
 * editor makes). Plain HTTP on 127.0.0.1; kubectl reaches it through a kubeconfig.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export interface RecordedPatch {
  path: string;
  contentType: string;
  body: Json;
}

export interface EditStubServer {
  url: string;
  patches: RecordedPatch[];
  /** Paths kubectl asked for that the stub does not serve. */
  unknown: string[];
  close(): Promise<void>;
}

function merge(target: Json, patch: Json): Json {
  const out: Json = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (typeof v === 'object' && !Array.isArray(v) && typeof out[k] === 'object' && out[k] !== null && !Array.isArray(out[k])) out[k] = merge(out[k] as Json, v as Json);
    else out[k] = v;
  }
  return out;
}

function send(res: http.ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Serves `services` (namespace default) until closed. */
export async function startEditStubApiServer(services: Json[]): Promise<EditStubServer> {
  const byName = new Map(services.map((s) => [String((s.metadata as Json).name), s]));
  const patches: RecordedPatch[] = [];
  const unknown: string[] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://stub').pathname.replace(/\/$/, '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (path === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] });
      if (path === '/apis') return send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
      if (path === '/api/v1') {
        return send(res, 200, {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: 'v1',
          resources: [{ name: 'services', singularName: 'service', namespaced: true, kind: 'Service', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['svc'], categories: ['all'] }],
        });
      }
      const m = /^\/api\/v1\/namespaces\/default\/services\/([^/]+)$/.exec(path);
      const found = m ? byName.get(m[1]) : undefined;
      if (!m || !found) {
        unknown.push(`${req.method} ${path}`);
        return send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 });
      }
      if (req.method === 'GET') return send(res, 200, found);
      if (req.method === 'PATCH') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Json;
        patches.push({ path, contentType: String(req.headers['content-type']), body });
        const updated = merge(found, body);
        byName.set(m[1], updated);
        return send(res, 200, updated);
      }
      unknown.push(`${req.method} ${path}`);
      return send(res, 405, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'method not allowed', reason: 'MethodNotAllowed', code: 405 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    patches,
    unknown,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A kubeconfig that points kubectl at the stub, namespace default. */
export function stubKubeconfig(url: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: stub
  cluster:
    server: ${url}
users:
- name: stub
  user: {}
contexts:
- name: stub
  context:
    cluster: stub
    user: stub
    namespace: default
current-context: stub
`;
}
