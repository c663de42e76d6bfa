/**
 * How nginx picks the server and location for a request in the
 * configuration ingress-nginx wrote (ngx_http_core_module: server_name exact
 * match, then regular expressions in order, then the default_server; within
 * the server `= exact` locations first, then the longest prefix, then regular
 * expressions in order, a match of which wins over the prefix). When the
 * controller enforced regexes on a server every location is `~* "^path"`:
 * the first one matching, case-insensitively, in the written order (longest
 * path first), as the ingress path-matching guide describes (FIDELITY §8).
 */
import { enforceRegex, serverName } from './nginx-conf.ts';
import { DEFAULT_SERVER, type IngressLocation, type IngressServer } from './ingress-servers.ts';

/** The server for a host name (Host header without its port, lower-cased). */
export function selectServer(servers: readonly IngressServer[], host: string | undefined): IngressServer {
  const fallback = servers.find((s) => s.hostname === DEFAULT_SERVER)!;
  if (!host) return fallback;
  const name = host.toLowerCase();
  const exact = servers.find((s) => s.hostname !== DEFAULT_SERVER && !s.hostname.startsWith('*') && s.hostname.toLowerCase() === name);
  if (exact) return exact;
  for (const s of servers) {
    if (!s.hostname.startsWith('*')) continue;
    // nginx's server_name regex, written by buildServerName: exactly one label before the suffix.
    const pattern = new RegExp(serverName(s.hostname).slice(1).replace('(?<subdomain>', '('), 'i');
    if (pattern.test(name)) return s;
  }
  return fallback;
}

function regexOf(path: string): RegExp | undefined {
  try {
    return new RegExp(`^${path}`, 'i');
  } catch {
    return undefined;
  }
}

/** The location for a URI path within a server. */
export function selectLocation(server: IngressServer, uri: string): { location: IngressLocation; regex: boolean } | undefined {
  const regex = enforceRegex(server);
  if (regex) {
    const found = server.locations.find((l) => regexOf(l.path)?.test(uri));
    return found ? { location: found, regex } : undefined;
  }
  const exact = server.locations.find((l) => l.pathType === 'Exact' && l.path === uri);
  if (exact) return { location: exact, regex };
  let best: IngressLocation | undefined;
  for (const l of server.locations) {
    if (l.pathType === 'Exact') continue;
    if (uri.startsWith(l.path) && (!best || l.path.length > best.path.length)) best = l;
  }
  return best ? { location: best, regex } : undefined;
}

/**
 * nginx `rewrite "(?i)<path>" <target> break;` (ngx_http_rewrite_module):
 * when the path's regex matches the URI anywhere, the URI becomes the target
 * with $1..$9 filled from the captures; the query string is appended unless
 * the target has its own.
 */
export function rewriteUri(location: IngressLocation, uri: string, query: string): string {
  const target = location.annotations.rewriteTarget;
  let m: RegExpExecArray | null = null;
  try {
    m = new RegExp(location.path, 'i').exec(uri);
  } catch {
    m = null;
  }
  if (!m) return uri + (query ? `?${query}` : '');
  const replaced = target.replace(/\$(\d)/g, (_, n: string) => m![Number(n)] ?? '');
  if (replaced.includes('?')) return replaced;
  return replaced + (query ? `?${query}` : '');
}
