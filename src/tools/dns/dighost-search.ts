/**
 * How BIND's tools (dig +search, host, nslookup) walk resolv.conf's search list
 * (bin/dig/dighost.c setup_lookup and next_origin): a name ending in a dot is
 * asked as-is only; a name with at least `ndots` dots is asked as-is first, then
 * with each search domain; a shorter one with each search domain first and
 * as-is last. Only NXDOMAIN moves on to the next name.
 */
import type { ResolvConf } from '../../coredns/resolv-conf.ts';

export function dighostCandidates(name: string, conf: ResolvConf, useSearch: boolean): string[] {
  if (name.endsWith('.')) return [name];
  const asIs = `${name}.`;
  if (!useSearch) return [asIs];
  const searched = conf.search.map((domain) => `${name}.${domain}.`);
  const dots = name.split('.').length - 1;
  return dots >= conf.ndots ? [asIs, ...searched] : [...searched, asIs];
}
