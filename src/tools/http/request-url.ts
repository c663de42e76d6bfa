/**
 * An HTTP(S) URL as curl and wget take it apart: scheme (curl guesses
 * `http://` when none is given), host, port (80/443 unless given), and the
 * request target (path and query, `/` when empty). IPv6 literals are out of
 * scope: the cluster is IPv4-only, as kind's default is.
 */

export interface RequestUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Whether the URL named the port. */
  explicitPort: boolean;
  /** Path and query as sent in the request line. */
  target: string;
  /** Whether the URL had a path at all (old curl announces "Rebuilt URL" when not). */
  hadPath: boolean;
}

export type UrlParse = { ok: true; url: RequestUrl } | { ok: false; error: 'unsupported-scheme'; scheme: string } | { ok: false; error: 'malformed' };

export function parseRequestUrl(text: string, options: { defaultScheme?: 'http' } = {}): UrlParse {
  let rest = text;
  let scheme: 'http' | 'https' = options.defaultScheme ?? 'http';
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (m) {
    const given = m[1].toLowerCase();
    if (given !== 'http' && given !== 'https') return { ok: false, error: 'unsupported-scheme', scheme: m[1] };
    scheme = given;
    rest = rest.slice(m[0].length);
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const cut = rest.search(/[/?]/);
  const authority = cut < 0 ? rest : rest.slice(0, cut);
  let target = cut < 0 ? '' : rest.slice(cut);
  const hadPath = target.startsWith('/');
  if (target.startsWith('?')) target = '/' + target;
  if (!target) target = '/';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const colon = hostPort.lastIndexOf(':');
  const host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
  const portText = colon >= 0 ? hostPort.slice(colon + 1) : '';
  if (!host || /[\s<>"{}|\\^`]/.test(host) || /\s/.test(target)) return { ok: false, error: 'malformed' };
  let port: number = scheme === 'https' ? 443 : 80;
  if (portText) {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) return { ok: false, error: 'malformed' };
    port = Number(portText);
  }
  return { ok: true, url: { scheme, host, port, explicitPort: portText !== '', target, hadPath } };
}

/** The Host header value: the host, with the port when it is not the scheme's default. */
export function hostHeader(url: RequestUrl): string {
  const defaultPort = url.scheme === 'https' ? 443 : 80;
  return url.port === defaultPort ? url.host : `${url.host}:${url.port}`;
}

/** scheme://host[:port]/target, as curl reports the effective URL. */
export function formatUrl(url: RequestUrl): string {
  return `${url.scheme}://${hostHeader(url)}${url.target}`;
}

/** Resolves a redirect Location against the URL it came from. */
export function resolveLocation(base: RequestUrl, location: string): UrlParse {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return parseRequestUrl(location);
  if (location.startsWith('//')) return parseRequestUrl(`${base.scheme}:${location}`);
  const path = location.startsWith('/') ? location : base.target.replace(/[^/]*$/, '') + location;
  return { ok: true, url: { ...base, target: path, hadPath: true } };
}
