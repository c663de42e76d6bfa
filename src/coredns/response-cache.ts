/**
 * The `cache 30` plugin on the virtual clock (coredns plugin/cache cache.go,
 * handler.go, item.go; CoreDNS 1.11):
 * - entries are keyed by lower-cased name and type; NOERROR with records,
 *   NODATA, NXDOMAIN and SERVFAIL are stored, other rcodes are not;
 * - an entry lives for the message's smallest TTL (for negative answers the
 *   SOA's TTL or minimum, whichever is smaller; 5 s when there is no record),
 *   clamped to [5 s, 30 s]; SERVFAIL lives 5 s;
 * - the reply that fills the cache already has every TTL set to that lifetime;
 * - a hit has every TTL set to lifetime - whole seconds elapsed, is served while
 *   that is above 0, and always carries AA (item.go toMsg);
 * so an answer may be up to 30 s stale after the cluster changed.
 */
import type { VirtualClock } from '../clock/virtual-clock.ts';
import { withTtl, type DnsAnswer, type QueryType } from './dns-message.ts';
import { fqdn } from './dns-name.ts';

/** dnsutil.MinimalDefaultTTL: the floor of every lifetime, and the lifetime of failures. */
const MINIMAL_TTL = 5;

interface CacheItem {
  answer: DnsAnswer;
  storedAtMs: number;
  lifetime: number;
}

function messageTtl(answer: DnsAnswer): number {
  if (answer.rcode === 'NXDOMAIN' || (answer.rcode === 'NOERROR' && answer.answers.length === 0)) {
    let ttl: number | undefined;
    for (const record of answer.authority) {
      if (record.type !== 'SOA') continue;
      const soaTtl = Math.min(record.ttl, record.minimum);
      ttl = ttl === undefined ? soaTtl : Math.min(ttl, soaTtl);
    }
    return ttl ?? MINIMAL_TTL;
  }
  const all = [...answer.answers, ...answer.authority, ...answer.additional];
  return all.length === 0 ? MINIMAL_TTL : Math.min(...all.map((r) => r.ttl));
}

function setTtls(answer: DnsAnswer, ttl: number, authoritative: boolean): DnsAnswer {
  return {
    ...answer,
    answers: answer.answers.map((r) => withTtl(r, ttl)),
    authority: answer.authority.map((r) => withTtl(r, ttl)),
    additional: answer.additional.map((r) => withTtl(r, ttl)),
    authoritative,
  };
}

export class ResponseCache {
  private readonly items = new Map<string, CacheItem>();

  /** `maxTtl`: the plugin's argument (kind's Corefile: `cache 30`). */
  constructor(
    private readonly clock: VirtualClock,
    private readonly maxTtl = 30,
  ) {}

  /** A stored answer still alive now, with its TTLs counted down. */
  get(name: string, type: QueryType): DnsAnswer | undefined {
    const item = this.items.get(this.key(name, type));
    if (!item) return undefined;
    const remaining = item.lifetime - Math.floor((this.clock.now() - item.storedAtMs) / 1000);
    if (remaining <= 0) return undefined;
    return setTtls(item.answer, remaining, true);
  }

  /** Stores a fresh answer and returns it as the cache passes it on: every TTL set to its lifetime. */
  store(name: string, type: QueryType, answer: DnsAnswer): DnsAnswer {
    if (answer.rcode === 'REFUSED') return answer;
    const lifetime =
      answer.rcode === 'SERVFAIL' ? MINIMAL_TTL : Math.min(this.maxTtl, Math.max(MINIMAL_TTL, messageTtl(answer)));
    this.items.set(this.key(name, type), { answer, storedAtMs: this.clock.now(), lifetime });
    return setTtls(answer, lifetime, answer.authoritative);
  }

  private key(name: string, type: QueryType): string {
    return `${fqdn(name)} ${type}`;
  }
}
