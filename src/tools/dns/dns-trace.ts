/**
 * The request trace of a DNS client run: where it started, each question sent
 * (with the route to its server, drawn once per server), and how it ended.
 */
import type { SentQuery } from '../../coredns/stub-resolver.ts';
import type { Hop, Trace } from '../../trace/trace.ts';
import type { DnsEnvironment } from './dns-environment.ts';

function queryDetail(query: SentQuery): string {
  if (query.outcome === 'timeout') return `${query.type} ${query.name}: no reply (timed out)`;
  const records = query.records.length > 0 ? ` ${query.records.join(', ')}` : '';
  return `${query.type} ${query.name} -> ${query.outcome}${records}`;
}

/** Builds the trace of one program run from the questions it sent. */
export function dnsTrace(
  request: string,
  env: DnsEnvironment,
  queries: SentQuery[],
  result: { ok: boolean; answer: string; failure?: string },
): Trace {
  const hops: Hop[] = [{ kind: 'client', label: env.from, detail: `${request} reads /etc/resolv.conf and asks its name server` }];
  const routed = new Set<string>();
  for (const query of queries) {
    if (!routed.has(query.server)) {
      routed.add(query.server);
      hops.push(...(env.routeHops?.(query.server) ?? []));
    }
    hops.push({ kind: 'dns', label: `${query.server}:53`, detail: queryDetail(query) });
  }
  hops.push(result.ok ? { kind: 'answer', label: 'answer', detail: result.answer } : { kind: 'error', label: 'failed', detail: result.failure ?? result.answer });
  return { request, from: env.from, hops, ok: result.ok, failure: result.ok ? undefined : result.failure ?? result.answer };
}
