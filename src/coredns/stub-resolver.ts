/**
 * What a container's C library does with /etc/resolv.conf when a program asks
 * for a host's addresses (getaddrinfo) or an address's name (getnameinfo):
 * which names it sends, in which order, and when it stops. Three libraries:
 *
 * - glibc (resolv/res_query.c __res_context_search): a name with at least
 *   `ndots` dots is tried as-is first, then with each search domain; a shorter
 *   name goes through the search list first and is tried as-is last. A and AAAA
 *   are asked together; NXDOMAIN, NODATA and SERVFAIL move on to the next name,
 *   a timeout ends the walk. The final error is NODATA if any name had NODATA.
 * - musl (src/network/lookup_name.c name_from_dns_search): the search list is
 *   used only below `ndots` dots, then the name as-is; only NXDOMAIN moves on,
 *   NODATA and SERVFAIL end the walk.
 * - uClibc 0.9.33 (libc/inet/resolv.c __dns_lookup), in old busybox images such
 *   as radial/busyboxplus: no ndots, the name as-is first and then every search
 *   domain; one walk per address family (AAAA, then A); NXDOMAIN and SERVFAIL
 *   move on, NODATA ends the family's walk. PTR names walk the same way.
 *
 * A name ending in a dot is only ever tried as-is. With `dnsPolicy: Default`
 * the pod's resolv.conf is the node's, whose server knows no cluster names: the
 * walk is the same, the server decides.
 */
import type { DnsAnswer, QueryType, Rcode } from './dns-message.ts';
import { reverseName } from './dns-name.ts';
import type { ResolvConf } from './resolv-conf.ts';

export type LibcFlavor = 'glibc' | 'musl' | 'uclibc';

/** Sends one question to one server: the answer, or 'timeout' when none comes back. */
export type DnsTransport = (server: string, name: string, type: QueryType) => DnsAnswer | 'timeout';

/** One question a resolver sent, for the request trace. */
export interface SentQuery {
  server: string;
  /** The absolute name asked, with its trailing dot. */
  name: string;
  type: QueryType;
  outcome: Rcode | 'timeout';
  /** What the reply said, e.g. `A 10.96.0.1` or `CNAME api.somecompany.com.` (empty for negative replies). */
  records: string[];
  answer?: DnsAnswer;
}

export type LookupStatus = 'found' | 'nxdomain' | 'nodata' | 'servfail' | 'timeout';

export interface HostLookup {
  queries: SentQuery[];
  status: LookupStatus;
  /** The candidate name that answered, absolute (e.g. `my-nginx.default.svc.cluster.local.`). */
  name?: string;
  /** The owner of the address records, after any CNAME chain, absolute. */
  canonicalName?: string;
  /** IPv4 addresses first, then IPv6, in answer order. */
  addresses: string[];
  /** Virtual seconds spent waiting for servers that never answered. */
  waitedSeconds: number;
}

export interface AddressLookup {
  queries: SentQuery[];
  status: LookupStatus;
  /** The first PTR target, without the trailing dot. */
  hostname?: string;
  waitedSeconds: number;
}

export interface StubResolverOptions {
  conf: ResolvConf;
  flavor: LibcFlavor;
  transport: DnsTransport;
}

function countDots(name: string): number {
  return name.split('.').length - 1;
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** The absolute names a library tries for `name`, in order. */
export function candidateNames(name: string, conf: ResolvConf, flavor: LibcFlavor): string[] {
  if (name.endsWith('.')) return [name];
  const searched = conf.search.map((domain) => absolute(`${name}.${domain}`));
  const asIs = absolute(name);
  const short = countDots(name) < conf.ndots;
  switch (flavor) {
    case 'glibc':
      return short ? [...searched, asIs] : [asIs, ...searched];
    case 'musl':
      return short ? [...searched, asIs] : [asIs];
    case 'uclibc':
      return [asIs, ...searched];
  }
}

/** The records of a reply in one-line form, for traces: `A 10.96.0.1`, `CNAME api.somecompany.com.` ... */
export function describeRecords(answer: DnsAnswer): string[] {
  return answer.answers.map((r) => {
    switch (r.type) {
      case 'A':
      case 'AAAA':
        return `${r.type} ${r.address}`;
      case 'CNAME':
      case 'PTR':
      case 'NS':
        return `${r.type} ${r.target}`;
      case 'SRV':
        return `SRV ${r.priority} ${r.weight} ${r.port} ${r.target}`;
      case 'TXT':
        return `TXT ${r.text.map((t) => `"${t}"`).join(' ')}`;
      case 'SOA':
        return `SOA ${r.mname} ${r.rname} ${r.serial}`;
    }
  });
}

/** The address records of an answer, and the name that owns them. */
function addressesOf(answer: DnsAnswer, type: 'A' | 'AAAA'): { addresses: string[]; owner?: string } {
  const addresses: string[] = [];
  let owner: string | undefined;
  for (const record of answer.answers) {
    if (record.type === type) {
      addresses.push(record.address);
      owner ??= record.name;
    }
  }
  return { addresses, owner };
}

export class StubResolver {
  private readonly conf: ResolvConf;
  private readonly flavor: LibcFlavor;
  private readonly transport: DnsTransport;

  constructor(options: StubResolverOptions) {
    this.conf = options.conf;
    this.flavor = options.flavor;
    this.transport = options.transport;
  }

  /** The servers the library asks, in order (127.0.0.1 when resolv.conf names none). */
  servers(): string[] {
    return this.conf.nameservers.length > 0 ? this.conf.nameservers : ['127.0.0.1'];
  }

  /** Sends one question, trying each server in turn while they time out. */
  ask(name: string, type: QueryType, queries: SentQuery[]): DnsAnswer | 'timeout' {
    for (const server of this.servers()) {
      const answer = this.transport(server, name, type);
      if (answer === 'timeout') {
        queries.push({ server, name, type, outcome: 'timeout', records: [] });
        continue;
      }
      queries.push({ server, name, type, outcome: answer.rcode, records: describeRecords(answer), answer });
      return answer;
    }
    return 'timeout';
  }

  /** Seconds a library waits before giving up on an unanswered question. */
  private timeoutSeconds(): number {
    const perServer = this.flavor === 'musl' ? this.conf.timeoutSeconds : this.conf.timeoutSeconds * this.conf.attempts;
    return perServer * this.servers().length;
  }

  /** getaddrinfo: the addresses of `name`, walking the search list as the library does. */
  lookupHost(name: string, families: 'A' | 'AAAA' | 'both' = 'both'): HostLookup {
    if (this.flavor === 'uclibc') return this.lookupPerFamily(name, families);
    const types: ('A' | 'AAAA')[] = families === 'both' ? ['A', 'AAAA'] : [families];
    const queries: SentQuery[] = [];
    let sawNoData = false;
    let sawServfail = false;
    for (const candidate of candidateNames(name, this.conf, this.flavor)) {
      const answers = types.map((type) => ({ type, answer: this.ask(candidate, type, queries) }));
      if (answers.some((a) => a.answer === 'timeout')) {
        return { queries, status: 'timeout', addresses: [], waitedSeconds: this.timeoutSeconds() };
      }
      const replies = answers as { type: 'A' | 'AAAA'; answer: DnsAnswer }[];
      const found = replies.map((r) => ({ type: r.type, ...addressesOf(r.answer, r.type) }));
      const addresses = [...found.filter((f) => f.type === 'A'), ...found.filter((f) => f.type === 'AAAA')].flatMap((f) => f.addresses);
      if (addresses.length > 0) {
        const canonical = found.find((f) => f.owner)?.owner;
        return { queries, status: 'found', name: candidate, canonicalName: canonical, addresses, waitedSeconds: 0 };
      }
      const rcodes = replies.map((r) => r.answer.rcode);
      if (this.flavor === 'musl') {
        if (rcodes.includes('NXDOMAIN')) continue;
        const status: LookupStatus = rcodes.includes('SERVFAIL') ? 'servfail' : 'nodata';
        return { queries, status, name: candidate, addresses: [], waitedSeconds: 0 };
      }
      if (rcodes.includes('SERVFAIL')) sawServfail = true;
      else if (!rcodes.includes('NXDOMAIN')) sawNoData = true;
    }
    const status: LookupStatus = sawNoData ? 'nodata' : sawServfail ? 'servfail' : 'nxdomain';
    return { queries, status, addresses: [], waitedSeconds: 0 };
  }

  /** uClibc's getaddrinfo: a separate walk per family, AAAA first. */
  private lookupPerFamily(name: string, families: 'A' | 'AAAA' | 'both'): HostLookup {
    const types: ('A' | 'AAAA')[] = families === 'both' ? ['AAAA', 'A'] : [families];
    const queries: SentQuery[] = [];
    const byType = new Map<string, { status: LookupStatus; addresses: string[]; name?: string; owner?: string }>();
    for (const type of types) {
      let result: { status: LookupStatus; addresses: string[]; name?: string; owner?: string } = { status: 'nxdomain', addresses: [] };
      for (const candidate of candidateNames(name, this.conf, 'uclibc')) {
        const answer = this.ask(candidate, type, queries);
        if (answer === 'timeout') return { queries, status: 'timeout', addresses: [], waitedSeconds: this.timeoutSeconds() };
        if (answer.rcode === 'NXDOMAIN' || answer.rcode === 'SERVFAIL') {
          result = { status: answer.rcode === 'SERVFAIL' ? 'servfail' : 'nxdomain', addresses: [] };
          continue;
        }
        const { addresses, owner } = addressesOf(answer, type);
        result = { status: addresses.length > 0 ? 'found' : 'nodata', addresses, name: candidate, owner };
        break;
      }
      byType.set(type, result);
    }
    const v4 = byType.get('A');
    const v6 = byType.get('AAAA');
    const addresses = [...(v4?.addresses ?? []), ...(v6?.addresses ?? [])];
    if (addresses.length > 0) {
      const winner = v4?.status === 'found' ? v4 : v6!;
      return { queries, status: 'found', name: winner.name, canonicalName: winner.owner, addresses, waitedSeconds: 0 };
    }
    const statuses = [...byType.values()].map((r) => r.status);
    const status: LookupStatus = statuses.includes('nodata') ? 'nodata' : statuses.includes('servfail') ? 'servfail' : 'nxdomain';
    return { queries, status, addresses: [], waitedSeconds: 0 };
  }

  /** getnameinfo with NI_NAMEREQD: the name of an address from its PTR record. */
  lookupAddress(ip: string): AddressLookup {
    const queries: SentQuery[] = [];
    const ptrName = reverseName(ip);
    if (!ptrName) return { queries, status: 'nxdomain', waitedSeconds: 0 };
    // Only uClibc sends PTR names through the search list.
    const candidates = this.flavor === 'uclibc' ? candidateNames(ptrName.slice(0, -1), { ...this.conf, ndots: 0 }, 'uclibc') : [ptrName];
    let status: LookupStatus = 'nxdomain';
    for (const candidate of candidates) {
      const answer = this.ask(candidate, 'PTR', queries);
      if (answer === 'timeout') return { queries, status: 'timeout', waitedSeconds: this.timeoutSeconds() };
      const ptr = answer.answers.find((r) => r.type === 'PTR');
      if (ptr && ptr.type === 'PTR') return { queries, status: 'found', hostname: ptr.target.replace(/\.$/, ''), waitedSeconds: 0 };
      if (answer.rcode === 'NOERROR') return { queries, status: 'nodata', waitedSeconds: 0 };
      status = answer.rcode === 'SERVFAIL' ? 'servfail' : 'nxdomain';
    }
    return { queries, status, waitedSeconds: 0 };
  }
}
