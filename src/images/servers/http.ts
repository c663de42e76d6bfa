/**
 * The HTTP exchange between a client tool (curl, wget, a probe, the ingress
 * controller) and a container's server, as data: what the network layer
 * hands a server and what it gets back.
 */
import type { FileSystem } from '../../shell/types.ts';

export interface HttpRequest {
  method: string;
  /** Path and query as sent in the request line: `/`, `/clientip`, `/a?b=c`. */
  target: string;
  /** Header fields as sent, in order (`Host`, `User-Agent`, `Accept` ...). */
  headers: [string, string][];
  body?: string;
  scheme: 'http' | 'https';
  /** The source address the server sees (after any SNAT). */
  client: { ip: string; port: number };
  /** The address the connection reached (after DNAT): the pod IP and container port. */
  server: { ip: string; port: number };
}

export interface HttpResponse {
  status: number;
  reason: string;
  /** Header fields in the order the server writes them. */
  headers: [string, string][];
  body: string;
}

/** What a server knows about where it runs. */
export interface ServerContext {
  /** The container's file system (docroots, configs, mounted certificates). */
  fs: FileSystem;
  /** The pod's hostname. */
  hostname: string;
  podIP: string;
  /** Virtual time of the request, for Date headers. */
  nowMs: number;
  /** When the serving process started (file mtimes of the image predate it). */
  startedAtMs: number;
}

/** RFC 9110 reason phrases of the codes servers here send. */
export const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Moved Temporarily',
  304: 'Not Modified',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** `Thu, 01 Jan 2026 00:00:00 GMT` (IMF-fixdate). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** The value of the first header named `name` (case-insensitive). */
export function headerValue(request: HttpRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  return request.headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}

/** The path of a request target without its query. */
export function targetPath(target: string): string {
  const q = target.indexOf('?');
  return q < 0 ? target : target.slice(0, q);
}

export function byteLength(body: string): number {
  return Buffer.byteLength(body, 'utf8');
}
