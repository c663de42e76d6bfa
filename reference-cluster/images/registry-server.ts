/**
 * A read-only container registry over the images' OCI layout, so a pod whose
 * image defaults to imagePullPolicy Always (`image: nginx`, any `:latest`)
 * really pulls, as on kind, instead of failing to reach Docker Hub. Each
 * node's containerd lists it as a mirror of docker.io and registry.k8s.io
 * (node/registry-hosts.ts); it runs inside the node's network namespace on
 * 127.0.0.1.
 *
 * Only what a pull needs of the distribution API (distribution spec
 * "Pulling manifests" and "Pulling blobs"): GET/HEAD /v2/,
 * /v2/NAME/manifests/REFERENCE and /v2/NAME/blobs/DIGEST. containerd names
 * the upstream registry of a mirrored request in the `ns` query parameter
 * (containerd remotes/docker/resolver.go), which tells docker.io/library/nginx
 * from any other registry's library/nginx.
 *
 * Run as a program: `node --import tsx registry-server.ts LAYOUT_DIR PORT`.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface IndexEntry {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

/** `docker.io/library/nginx:latest` → key `docker.io/library/nginx` and tag `latest`. */
export function splitName(name: string): { repository: string; tag: string } {
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? { repository: name.slice(0, colon), tag: name.slice(colon + 1) } : { repository: name, tag: 'latest' };
}

/** Tag table of a layout: `registry/path:tag` → manifest descriptor. */
export function readTags(layoutDir: string): Map<string, IndexEntry> {
  const index = JSON.parse(readFileSync(join(layoutDir, 'index.json'), 'utf8')) as { manifests: IndexEntry[] };
  const tags = new Map<string, IndexEntry>();
  for (const m of index.manifests) {
    const name = m.annotations?.['io.containerd.image.name'];
    if (name) tags.set(name, m);
  }
  return tags;
}

function error(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ code, message }] });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Docker-Distribution-Api-Version': 'registry/2.0' });
  res.end(body);
}

function sendBlob(req: IncomingMessage, res: ServerResponse, layoutDir: string, digest: string, mediaType: string): void {
  const file = join(layoutDir, 'blobs', 'sha256', digest.slice('sha256:'.length));
  if (!/^sha256:[0-9a-f]{64}$/.test(digest) || !existsSync(file)) return error(res, 404, 'BLOB_UNKNOWN', `blob unknown: ${digest}`);
  res.writeHead(200, {
    'Content-Type': mediaType,
    'Content-Length': statSync(file).size,
    'Docker-Content-Digest': digest,
    'Docker-Distribution-Api-Version': 'registry/2.0',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/** The registry's request handler over `layoutDir` (index read per request, so a rebuilt layout is served at once). */
export function registryHandler(layoutDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://registry');
    if (req.method !== 'GET' && req.method !== 'HEAD') return error(res, 405, 'UNSUPPORTED', 'read-only registry');
    if (url.pathname === '/v2/' || url.pathname === '/v2') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Docker-Distribution-Api-Version': 'registry/2.0' });
      return res.end('{}');
    }
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(url.pathname);
    if (!m) return error(res, 404, 'NAME_UNKNOWN', `no such path ${url.pathname}`);
    const [, path, kind, reference] = m;
    const registry = url.searchParams.get('ns') ?? 'docker.io';
    if (kind === 'blobs') return sendBlob(req, res, layoutDir, reference, 'application/octet-stream');
    const tags = readTags(layoutDir);
    const repository = `${registry}/${path}`;
    const entry = reference.startsWith('sha256:')
      ? [...tags.entries()].find(([name, e]) => splitName(name).repository === repository && e.digest === reference)?.[1]
      : tags.get(`${repository}:${reference}`);
    if (!entry) return error(res, 404, 'MANIFEST_UNKNOWN', `manifest unknown: ${repository}:${reference}`);
    return sendBlob(req, res, layoutDir, entry.digest, entry.mediaType);
  };
}

/** Starts the registry on `host:port`. */
export function startRegistry(layoutDir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(registryHandler(layoutDir));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [layoutDir, port] = process.argv.slice(2);
  if (!layoutDir || !port) {
    process.stderr.write('usage: registry-server.ts LAYOUT_DIR PORT\n');
    process.exit(2);
  }
  startRegistry(layoutDir, Number(port)).then(
    () => process.stdout.write(`registry: serving ${layoutDir} on 127.0.0.1:${port}\n`),
    (e: unknown) => {
      process.stderr.write(`registry: ${String(e)}\n`);
      process.exit(1);
    },
  );
}
