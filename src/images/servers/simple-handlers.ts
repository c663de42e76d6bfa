/**
 * Servers whose answer does not depend on files: luksa/kubia's app.js (node
 * http: `writeHead(200)` without a length, so chunked), a fixed text
 * (health endpoints: Go net/http headers), agnhost netexec
 * (test/images/agnhost/netexec/netexec.go: /clientip, /hostname, /echo,
 * /healthz) and registry.k8s.io/echoserver (its nginx+lua template).
 */
import { byteLength, headerValue, httpDate, REASONS, targetPath, type HttpRequest, type HttpResponse, type ServerContext } from './http.ts';

export function serveKubia(variant: 'hostname' | 'hostname-v2', request: HttpRequest, ctx: ServerContext): HttpResponse {
  const body = variant === 'hostname-v2' ? `This is v2 running in pod ${ctx.hostname}\n` : `You've hit ${ctx.hostname}\n`;
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Date', httpDate(ctx.nowMs)],
      ['Connection', 'keep-alive'],
      ['Transfer-Encoding', 'chunked'],
    ],
    body: request.method === 'HEAD' ? '' : body,
  };
}

/** Go net/http's plain answer: `Content-Type: text/plain; charset=utf-8`, Date, Content-Length. */
export function goTextResponse(status: number, body: string, ctx: ServerContext): HttpResponse {
  return {
    status,
    reason: REASONS[status] ?? '',
    headers: [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Date', httpDate(ctx.nowMs)],
      ['Content-Length', String(byteLength(body))],
    ],
    body,
  };
}

export function serveNetexec(request: HttpRequest, ctx: ServerContext): HttpResponse {
  const path = targetPath(request.target);
  const query = new URLSearchParams(request.target.includes('?') ? request.target.slice(request.target.indexOf('?') + 1) : '');
  switch (path) {
    case '/clientip':
      return goTextResponse(200, `${request.client.ip}:${request.client.port}`, ctx);
    case '/hostname':
      return goTextResponse(200, ctx.hostname, ctx);
    case '/echo':
      return goTextResponse(200, query.get('msg') ?? '', ctx);
    case '/healthz':
      return goTextResponse(200, '', ctx);
    case '/header': {
      const key = query.get('key') ?? '';
      return goTextResponse(200, headerValue(request, key) ?? '', ctx);
    }
    default: {
      const iso = new Date(ctx.nowMs).toISOString();
      const stamp = `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000 UTC m=+${((ctx.nowMs - ctx.startedAtMs) / 1000).toFixed(9)}`;
      return goTextResponse(200, `NOW: ${stamp}`, ctx);
    }
  }
}

/** registry.k8s.io/echoserver:1.10's page (its nginx.conf lua template). */
export function serveEchoserver(request: HttpRequest, ctx: ServerContext): HttpResponse {
  const query = request.target.includes('?') ? request.target.slice(request.target.indexOf('?') + 1) : '';
  const host = headerValue(request, 'Host') ?? `${request.server.ip}:${request.server.port}`;
  const lines = [
    '',
    '',
    `Hostname: ${ctx.hostname}`,
    '',
    'Pod Information:',
    '\t-no pod information available-',
    '',
    'Server values:',
    '\tserver_version=nginx: 1.13.3 - lua: 10008',
    '',
    'Request Information:',
    `\tclient_address=${request.client.ip}`,
    `\tmethod=${request.method}`,
    `\treal path=${targetPath(request.target)}`,
    `\tquery=${query}`,
    '\trequest_version=1.1',
    `\trequest_scheme=${request.scheme}`,
    `\trequest_uri=${request.scheme}://${host}${request.target}`,
    '',
    'Request Headers:',
    ...request.headers.map(([k, v]) => `\t${k.toLowerCase()}=${v}`).sort(),
    '',
    'Request Body:',
    request.body ? `\t${request.body}` : '\t-no body in request-',
    '',
    '',
  ];
  const body = lines.join('\n');
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Server', 'echoserver'],
      ['Date', httpDate(ctx.nowMs)],
      ['Content-Type', 'text/plain'],
      ['Transfer-Encoding', 'chunked'],
      ['Connection', 'keep-alive'],
    ],
    body: request.method === 'HEAD' ? '' : body,
  };
}
