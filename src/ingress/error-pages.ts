/**
 * The pages ingress-nginx's nginx writes itself (src/http/ngx_http_special_response.c
 * with `server_tokens off`, so the footer says only "nginx"): the default
 * backend's 404, 503 for a service without endpoints, 502/504 when the
 * upstream refuses or does not answer, and the redirects. Lines end in CRLF.
 */
import { byteLength, httpDate, type HttpResponse } from '../images/servers/http.ts';

/** Reason phrases as nginx prints them in status lines and page titles. */
const TITLES: Record<number, string> = {
  301: '301 Moved Permanently',
  302: '302 Found',
  307: '307 Temporary Redirect',
  308: '308 Permanent Redirect',
  400: '400 Bad Request',
  404: '404 Not Found',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

export function specialPage(status: number): string {
  const title = TITLES[status] ?? String(status);
  return ['<html>', `<head><title>${title}</title></head>`, '<body>', `<center><h1>${title}</h1></center>`, '<hr><center>nginx</center>', '</body>', '</html>', ''].join('\r\n');
}

/** An error or redirect page with nginx's headers (no Server header: more_clear_headers Server). */
export function specialResponse(status: number, nowMs: number, extra: [string, string][] = []): HttpResponse {
  const body = specialPage(status);
  const title = TITLES[status] ?? String(status);
  return {
    status,
    reason: title.slice(title.indexOf(' ') + 1),
    headers: [['Date', httpDate(nowMs)], ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive'], ...extra],
    body,
  };
}
