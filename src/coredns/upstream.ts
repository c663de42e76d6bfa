/**
 * What CoreDNS's `forward . /etc/resolv.conf` reaches for names outside the
 * cluster: the world beyond kind's node. A scenario declares which outside names
 * resolve (ExternalName targets such as api.somecompany.com); every other name is
 * NXDOMAIN. There is no real forwarder: this is a stand-in with fixed choices,
 * documented here because no source defines them:
 * - answers are recursive, not authoritative (RA set, AA clear), TTL 30;
 * - negative answers carry a root-zone SOA, as public resolvers send;
 * - the addresses of declared names answer PTR queries with the name.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { DnsAnswer, QueryType, ResourceRecord } from './dns-message.ts';
import { addressFromReverseName, fqdn } from './dns-name.ts';
import { ownerName } from './backend-lookup.ts';

export const EXTERNAL_TTL = 30;

/** The root zone's SOA as a.root-servers.net serves it, with a fixed serial. */
const ROOT_SOA: ResourceRecord = {
  name: '.',
  ttl: 86400,
  type: 'SOA',
  mname: 'a.root-servers.net.',
  rname: 'nstld.verisign-grs.com.',
  serial: 2026010100,
  refresh: 1800,
  retry: 900,
  expire: 604800,
  minimum: 86400,
};

export class Upstream {
  private readonly names = new Map<string, string[]>();

  /** `externalNames`: outside name -> its addresses (IPv4 and IPv6). */
  constructor(externalNames: ReadonlyMap<string, readonly string[]>) {
    for (const [name, addresses] of externalNames) this.names.set(fqdn(name), [...addresses]);
  }

  lookup(name: string, type: QueryType): DnsAnswer {
    const key = fqdn(name);
    if (type === 'PTR') {
      const ip = addressFromReverseName(key);
      const owners = ip === undefined ? [] : [...this.names].filter(([, addresses]) => addresses.includes(ip)).map(([n]) => n);
      if (owners.length === 0) return this.answer(this.names.has(key) ? 'NOERROR' : 'NXDOMAIN', []);
      return this.answer('NOERROR', owners.map((target) => ({ name: ownerName(name), ttl: EXTERNAL_TTL, type: 'PTR', target })));
    }
    const addresses = this.names.get(key);
    if (!addresses) return this.answer('NXDOMAIN', []);
    const records: ResourceRecord[] = [];
    for (const address of addresses) {
      if ((type === 'A' || type === 'ANY') && isIPv4(address)) records.push({ name: ownerName(name), ttl: EXTERNAL_TTL, type: 'A', address });
      if ((type === 'AAAA' || type === 'ANY') && isIPv6(address)) records.push({ name: ownerName(name), ttl: EXTERNAL_TTL, type: 'AAAA', address });
    }
    return this.answer('NOERROR', records);
  }

  private answer(rcode: 'NOERROR' | 'NXDOMAIN', answers: ResourceRecord[]): DnsAnswer {
    return {
      rcode,
      answers,
      authority: answers.length === 0 ? [ROOT_SOA] : [],
      additional: [],
      authoritative: false,
      recursionAvailable: true,
    };
  }
}
