/**
 * nginx answering a request from its configuration (ngx_http_core_module's
 * server and location selection, ngx_http_static_module, ngx_http_index_module,
 * try_files, return, error_page) and its built-in error pages
 * (src/http/ngx_http_special_response.c: CRLF line ends, `<hr><center>nginx/x.y.z</center>`).
 */
import type { FileSystem } from '../../shell/types.ts';
import { byteLength, headerValue, httpDate, REASONS, targetPath, type HttpRequest, type HttpResponse, type ServerContext } from './http.ts';
import { directiveArgs, listenedPorts, loadNginxConfig, NginxConfigError, type Directive, type NginxConfig, type NginxLocation, type NginxServer } from './nginx-config.ts';

export interface NginxInstance {
  config: NginxConfig;
  version: string;
}

export type NginxStart = { ok: true; instance: NginxInstance; ports: { port: number; ssl: boolean; loopbackOnly: boolean }[] } | { ok: false; error: string };

/** Loads the configuration as `nginx` does at start; errors are its `[emerg]` lines. */
export function startNginx(fs: FileSystem, version: string): NginxStart {
  let config: NginxConfig;
  try {
    config = loadNginxConfig(fs);
  } catch (err) {
    if (err instanceof NginxConfigError) return { ok: false, error: `nginx: [emerg] ${err.message}` };
    throw err;
  }
  for (const server of config.servers) {
    const sslListen = server.listens.find((l) => l.ssl);
    if (!sslListen) continue;
    const cert = directiveArgs('ssl_certificate', server.directives, config.http)?.[0];
    if (!cert) {
      const where = server.directives.find((d) => d.name === 'listen');
      return { ok: false, error: `nginx: [emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive in ${where?.file}:${where?.line}` };
    }
    for (const file of [cert, directiveArgs('ssl_certificate_key', server.directives, config.http)?.[0] ?? cert]) {
      if (fs.readFile(file) === undefined) {
        return {
          ok: false,
          error: `nginx: [emerg] cannot load certificate "${file}": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(${file}, r) error:10000080:BIO routines::no such file)`,
        };
      }
    }
  }
  return { ok: true, instance: { config, version }, ports: listenedPorts(config) };
}

/** The certificate and key nginx presents on `port` for `serverName` (SNI), read from the container's files. */
export function nginxCertificate(instance: NginxInstance, fs: FileSystem, port: number, serverName: string | undefined): { certificate: string; key: string } | undefined {
  const server = selectServer(instance.config, port, serverName);
  if (!server) return undefined;
  const cert = directiveArgs('ssl_certificate', server.directives, instance.config.http)?.[0];
  const key = directiveArgs('ssl_certificate_key', server.directives, instance.config.http)?.[0];
  const certificate = cert ? fs.readFile(cert) : undefined;
  const keyText = key ? fs.readFile(key) : undefined;
  return certificate !== undefined && keyText !== undefined ? { certificate, key: keyText } : undefined;
}

function hostOf(request: HttpRequest): string | undefined {
  const host = headerValue(request, 'Host');
  return host?.replace(/:\d+$/, '').toLowerCase();
}

function nameMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  if (pattern.startsWith('.')) return host === pattern.slice(1) || host.endsWith(pattern);
  if (pattern.endsWith('.*')) return host.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('~')) {
    try {
      return new RegExp(pattern.slice(1)).test(host);
    } catch {
      return false;
    }
  }
  return false;
}

function selectServer(config: NginxConfig, port: number, host: string | undefined): NginxServer | undefined {
  const candidates = config.servers.filter((s) => s.listens.some((l) => l.port === port));
  if (host) {
    const exact = candidates.find((s) => s.serverNames.includes(host));
    if (exact) return exact;
    const wildcard = candidates.find((s) => s.serverNames.some((n) => nameMatches(n, host)));
    if (wildcard) return wildcard;
  }
  return candidates.find((s) => s.listens.some((l) => l.port === port && l.defaultServer)) ?? candidates[0];
}

function selectLocation(server: NginxServer, uri: string): NginxLocation | undefined {
  const exact = server.locations.find((l) => l.modifier === '=' && l.pattern === uri);
  if (exact) return exact;
  let prefix: NginxLocation | undefined;
  for (const l of server.locations) {
    if ((l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.pattern) && (!prefix || l.pattern.length > prefix.pattern.length)) prefix = l;
  }
  if (prefix?.modifier === '^~') return prefix;
  for (const l of server.locations) {
    if (l.modifier !== '~' && l.modifier !== '~*') continue;
    try {
      if (new RegExp(l.pattern, l.modifier === '~*' ? 'i' : '').test(uri)) return l;
    } catch {
      // nginx would have refused to start; an invalid regex never matches here.
    }
  }
  return prefix;
}

const CRLF = '\r\n';

/** ngx_http_special_response.c: the page nginx writes for an error or redirect status. */
export function nginxSpecialPage(status: number, version: string, detail?: string): string {
  const title = `${status} ${REASONS[status] ?? ''}`.trim();
  const head = detail ? `<head><title>${status} ${detail}</title></head>` : `<head><title>${title}</title></head>`;
  const lines = ['<html>', head, '<body>', `<center><h1>${title}</h1></center>`];
  if (detail) lines.push(`<center>${detail}</center>`);
  lines.push(`<hr><center>nginx/${version}</center>`, '</body>', '</html>');
  return lines.join(CRLF) + CRLF;
}

interface Scope {
  server: NginxServer;
  location?: NginxLocation;
  http: Directive[];
}

function scopeArgs(name: string, scope: Scope): string[] | undefined {
  return directiveArgs(name, scope.location?.directives ?? [], scope.server.directives, scope.http);
}

function mimeType(instance: NginxInstance, path: string): string {
  const dot = path.lastIndexOf('.');
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
  return instance.config.mimeTypes.get(ext) ?? instance.config.defaultType;
}

function baseHeaders(instance: NginxInstance, ctx: ServerContext): [string, string][] {
  return [
    ['Server', `nginx/${instance.version}`],
    ['Date', httpDate(ctx.nowMs)],
  ];
}

function errorResponse(instance: NginxInstance, ctx: ServerContext, status: number, extra: [string, string][] = [], detail?: string): HttpResponse {
  const body = nginxSpecialPage(detail ? 400 : status, instance.version, detail);
  return {
    status,
    reason: REASONS[status] ?? '',
    headers: [...baseHeaders(instance, ctx), ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive'], ...extra],
    body,
  };
}

function fileResponse(instance: NginxInstance, ctx: ServerContext, request: HttpRequest, path: string, content: string, status = 200): HttpResponse {
  const size = byteLength(content);
  const mtime = Math.floor(ctx.startedAtMs / 1000);
  return {
    status,
    reason: REASONS[status] ?? '',
    headers: [
      ...baseHeaders(instance, ctx),
      ['Content-Type', mimeType(instance, path)],
      ['Content-Length', String(size)],
      ['Last-Modified', httpDate(mtime * 1000)],
      ['Connection', 'keep-alive'],
      ['ETag', `"${mtime.toString(16)}-${size.toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    ],
    body: request.method === 'HEAD' ? '' : content,
  };
}

/** The file-system path of `uri` under the scope's root or alias. */
function mapPath(scope: Scope, uri: string): string {
  const alias = scope.location?.directives.find((d) => d.name === 'alias')?.args[0];
  if (alias && scope.location) return alias + uri.slice(scope.location.pattern.length);
  const root = scopeArgs('root', scope)?.[0] ?? '/etc/nginx/html';
  const absolute = root.startsWith('/') ? root : `/etc/nginx/${root}`;
  return `${absolute.replace(/\/$/, '')}${uri}`;
}

function redirectTarget(request: HttpRequest, uri: string): string {
  const host = hostOf(request) ?? request.server.ip;
  const defaultPort = request.scheme === 'https' ? 443 : 80;
  const port = request.server.port === defaultPort ? '' : `:${request.server.port}`;
  return `${request.scheme}://${host}${port}${uri}`;
}

/** Answers `request`, which reached nginx on `port`. */
export function serveNginx(instance: NginxInstance, request: HttpRequest, ctx: ServerContext, port: number): HttpResponse {
  const server = selectServer(instance.config, port, hostOf(request));
  if (!server) return errorResponse(instance, ctx, 404);
  const listen = server.listens.find((l) => l.port === port);
  if (listen?.ssl && request.scheme === 'http') return errorResponse(instance, ctx, 400, [], 'The plain HTTP request was sent to HTTPS port');
  let uri: string;
  try {
    uri = decodeURIComponent(targetPath(request.target)) || '/';
  } catch {
    return errorResponse(instance, ctx, 400);
  }
  return serveUri(instance, request, ctx, server, uri, 0, undefined);
}

function serveUri(instance: NginxInstance, request: HttpRequest, ctx: ServerContext, server: NginxServer, uri: string, depth: number, forcedStatus: number | undefined): HttpResponse {
  if (depth > 10) return errorResponse(instance, ctx, 500);
  const location = selectLocation(server, uri);
  const scope: Scope = { server, location, http: instance.config.http };
  const fail = (status: number): HttpResponse => errorPage(instance, request, ctx, scope, status, depth);

  const ret = location?.directives.find((d) => d.name === 'return') ?? server.directives.find((d) => d.name === 'return');
  if (ret) {
    const status = Number(ret.args[0]);
    const text = ret.args[1];
    if ([301, 302, 303, 307, 308].includes(status) && text !== undefined) {
      const target = text.replace(/\$request_uri/g, request.target).replace(/\$host/g, hostOf(request) ?? '').replace(/\$uri/g, uri);
      return errorResponse(instance, ctx, status, [['Location', target]]);
    }
    if (text !== undefined) {
      const body = text.replace(/\$remote_addr/g, request.client.ip).replace(/\$hostname/g, ctx.hostname).replace(/\$uri/g, uri).replace(/\$request_uri/g, request.target);
      return { status, reason: REASONS[status] ?? '', headers: [...baseHeaders(instance, ctx), ['Content-Type', instance.config.defaultType], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive']], body: request.method === 'HEAD' ? '' : body };
    }
    return fail(status);
  }
  if (location?.directives.some((d) => d.name === 'proxy_pass')) return fail(502);

  if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(instance, ctx, 405);

  const tryFiles = scopeArgs('try_files', scope);
  if (tryFiles && tryFiles.length >= 2) {
    for (const candidate of tryFiles.slice(0, -1)) {
      const expanded = candidate.replace(/\$uri/g, uri);
      const path = mapPath(scope, expanded);
      if (expanded.endsWith('/')) {
        if (ctx.fs.isDirectory(path.replace(/\/$/, '') || '/')) return serveStatic(instance, request, ctx, scope, expanded, forcedStatus, depth);
      } else {
        const content = ctx.fs.readFile(path);
        if (content !== undefined) return fileResponse(instance, ctx, request, path, content, forcedStatus);
      }
    }
    const last = tryFiles[tryFiles.length - 1];
    if (last.startsWith('=')) return fail(Number(last.slice(1)));
    return serveUri(instance, request, ctx, server, last.replace(/\$uri/g, uri), depth + 1, forcedStatus);
  }
  return serveStatic(instance, request, ctx, scope, uri, forcedStatus, depth);
}

function serveStatic(instance: NginxInstance, request: HttpRequest, ctx: ServerContext, scope: Scope, uri: string, forcedStatus: number | undefined, depth: number): HttpResponse {
  const path = mapPath(scope, uri);
  if (uri.endsWith('/')) {
    const dir = path.replace(/\/$/, '') || '/';
    for (const index of scopeArgs('index', scope) ?? ['index.html']) {
      const file = `${dir}/${index}`;
      const content = ctx.fs.readFile(file);
      // The index module redirects internally to the index file's URI.
      if (content !== undefined) return serveUri(instance, request, ctx, scope.server, `${uri}${index}`, depth + 1, forcedStatus);
    }
    return errorPage(instance, request, ctx, scope, ctx.fs.isDirectory(dir) ? 403 : 404, depth);
  }
  if (ctx.fs.isDirectory(path)) return errorResponse(instance, ctx, 301, [['Location', redirectTarget(request, `${uri}/`)]]);
  const content = ctx.fs.readFile(path);
  if (content === undefined) return errorPage(instance, request, ctx, scope, 404, depth);
  return fileResponse(instance, ctx, request, path, content, forcedStatus);
}

function errorPage(instance: NginxInstance, request: HttpRequest, ctx: ServerContext, scope: Scope, status: number, depth: number): HttpResponse {
  const pages = [...(scope.location?.directives ?? []), ...scope.server.directives, ...scope.http].filter((d) => d.name === 'error_page');
  for (const page of pages) {
    const codes = page.args.slice(0, -1).map(Number);
    if (codes.includes(status) && depth < 5) {
      const target = page.args[page.args.length - 1];
      const response = serveUri(instance, { ...request, method: 'GET' }, ctx, scope.server, target, depth + 1, status);
      if (response.status === status) return request.method === 'HEAD' ? { ...response, body: '' } : response;
    }
  }
  const response = errorResponse(instance, ctx, status);
  return request.method === 'HEAD' ? { ...response, body: '' } : response;
}
