/**
 * What the DNS client programs need from the place they run in, so the network
 * layer can plug them into pods and nodes: the resolv.conf they read, a way to
 * send one question to one server (through kube-proxy to CoreDNS, or nowhere),
 * and the pieces of a request trace.
 */
import type { DnsAnswer, QueryType } from '../../coredns/dns-message.ts';
import type { SeededRandom } from '../../random/seeded-random.ts';
import type { Hop } from '../../trace/trace.ts';

export interface DnsEnvironment {
  /** The text of the place's /etc/resolv.conf. */
  resolvConf(): string;
  /** Sends one question to `server` port 53: its answer, or 'timeout' when nothing comes back. */
  query(server: string, name: string, type: QueryType): DnsAnswer | 'timeout';
  /** Who asks, for traces: e.g. `pod default/dnsutils`. */
  from: string;
  /** The hops a packet to `server`:53 takes (Service DNAT to a CoreDNS pod ...), drawn once per server in a trace. */
  routeHops?(server: string): Hop[];
  /** Virtual wall-clock milliseconds, for dig's `;; WHEN:` line. */
  now?(): number;
  /** Message ids and EDNS cookies dig prints; without it they derive from the question. */
  random?: SeededRandom;
}
