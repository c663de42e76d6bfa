/**
 * Servers of a document root: Apache httpd (mod_dir index.html, its 404
 * page) and busybox httpd (its terse pages).
 */
import { byteLength, httpDate, targetPath, type HttpRequest, type HttpResponse, type ServerContext } from './http.ts';

function lookup(root: string, request: HttpRequest, ctx: ServerContext, index: string[]): { path: string; content: string } | undefined {
  let path = ctx.fs.resolve('/', `${root.replace(/\/$/, '')}${decodeURIComponent(targetPath(request.target))}`);
  if (ctx.fs.isDirectory(path)) {
    const dir = path.replace(/\/$/, '');
    for (const name of index) {
      const content = ctx.fs.readFile(`${dir}/${name}`);
      if (content !== undefined) return { path: `${dir}/${name}`, content };
    }
    return undefined;
  }
  const content = ctx.fs.readFile(path);
  path = path.replace(/\/$/, '');
  return content === undefined ? undefined : { path, content };
}

function contentType(path: string, fallback: string): string {
  if (/\.html?$/.test(path)) return 'text/html';
  if (/\.txt$/.test(path)) return 'text/plain';
  if (/\.css$/.test(path)) return 'text/css';
  if (/\.json$/.test(path)) return 'application/json';
  return fallback;
}

const APACHE_404 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

export function serveHttpd(root: string, version: string, request: HttpRequest, ctx: ServerContext): HttpResponse {
  const found = lookup(root, request, ctx, ['index.html']);
  const date = httpDate(ctx.nowMs);
  if (!found) {
    return {
      status: 404,
      reason: 'Not Found',
      headers: [['Date', date], ['Server', `Apache/${version} (Unix)`], ['Content-Length', String(byteLength(APACHE_404))], ['Content-Type', 'text/html; charset=iso-8859-1']],
      body: request.method === 'HEAD' ? '' : APACHE_404,
    };
  }
  const size = byteLength(found.content);
  const mtime = ctx.startedAtMs * 1000;
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Date', date],
      ['Server', `Apache/${version} (Unix)`],
      ['Last-Modified', httpDate(ctx.startedAtMs)],
      ['ETag', `"${size.toString(16)}-${mtime.toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
      ['Content-Length', String(size)],
      ['Content-Type', contentType(found.path, 'text/plain')],
    ],
    body: request.method === 'HEAD' ? '' : found.content,
  };
}

export function serveStaticFiles(root: string, index: string[], request: HttpRequest, ctx: ServerContext): HttpResponse {
  const found = lookup(root, request, ctx, index);
  if (!found) {
    const body = '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n';
    return { status: 404, reason: 'Not Found', headers: [['Content-type', 'text/html'], ['Date', httpDate(ctx.nowMs)], ['Connection', 'close']], body };
  }
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Content-type', contentType(found.path, 'application/octet-stream')],
      ['Date', httpDate(ctx.nowMs)],
      ['Connection', 'close'],
      ['Accept-Ranges', 'bytes'],
      ['Last-Modified', httpDate(ctx.startedAtMs)],
      ['Content-Length', String(byteLength(found.content))],
    ],
    body: request.method === 'HEAD' ? '' : found.content,
  };
}
