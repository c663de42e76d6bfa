/**
 * Turning service entries into resource records, as CoreDNS's backend plugins
 * share it (coredns plugin/backend_lookup.go: A, AAAA, SRV, CNAME, PTR, SOA).
 * Facts kept from that file: a name-valued entry becomes a CNAME followed by the
 * target's addresses (resolved in the zone, else upstream; a CNAME chain stops
 * after 8 links); address records are de-duplicated by address; SRV weights are
 * 100 / (entries of the same priority), floored, at least 1, priority 0; SRV
 * targets get their address in the additional section.
 */
import { isIP } from 'node:net';
import type { DnsAnswer, QueryType, ResourceRecord } from './dns-message.ts';
import { fqdn, isInZone } from './dns-name.ts';
import type { ServiceEntry } from './kubernetes-backend.ts';

/** What the record builders ask of a backend. Lookups throw NameNotFound for names that do not exist. */
export interface ServiceBackend {
  /** Entries for `name`, in the form the query type needs (SRV lookups leave out name-valued entries). */
  services(name: string, type: QueryType): ServiceEntry[];
  /** Names (as entry hosts) for a reverse-lookup name. */
  reverse(name: string): ServiceEntry[];
  /** Resolution outside the zone (the `forward` plugin behind CoreDNS). */
  lookup(name: string, type: QueryType): DnsAnswer;
}

/** `name` with a trailing dot, case kept: answers repeat the question as it was asked. */
export function ownerName(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** The address family an entry's host belongs to; 'name' for CNAME targets. */
function hostKind(host: string): 'A' | 'AAAA' | 'name' {
  const family = isIP(host);
  return family === 4 ? 'A' : family === 6 ? 'AAAA' : 'name';
}

/** A or AAAA records for `qname` (backend_lookup.go A and AAAA). */
export function addressRecords(
  backend: ServiceBackend,
  zone: string,
  qname: string,
  type: 'A' | 'AAAA',
  previous: ResourceRecord[] = [],
): ResourceRecord[] {
  const entries = backend.services(qname, type);
  const records: ResourceRecord[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const kind = hostKind(entry.host);
    if (kind === 'name') {
      const target = fqdn(entry.host);
      if (target === fqdn(qname)) continue; // x CNAME x is a loop
      const cname: ResourceRecord = { name: ownerName(qname), ttl: entry.ttl, type: 'CNAME', target };
      if (previous.length > 7) continue;
      if (previous.some((r) => r.type === 'CNAME' && fqdn(r.name) === fqdn(qname) && r.target === target)) continue;
      if (isInZone(target, zone)) {
        try {
          const next = addressRecords(backend, zone, target, type, [...previous, cname]);
          if (next.length > 0) records.push(cname, ...next);
        } catch {
          // The target does not exist in the zone: no records from this entry.
        }
        continue;
      }
      records.push(cname, ...backend.lookup(target, type).answers);
      continue;
    }
    if (kind === type && !seen.has(entry.host)) {
      seen.add(entry.host);
      records.push({ name: ownerName(qname), ttl: entry.ttl, type, address: entry.host } as ResourceRecord);
    }
  }
  return records;
}

/** SRV records for `qname` and the addresses of their targets (backend_lookup.go SRV). */
export function srvRecords(backend: ServiceBackend, qname: string): { records: ResourceRecord[]; extra: ResourceRecord[] } {
  const entries = backend.services(qname, 'SRV');
  // Every entry has priority 0 and the default weight 100, so one sum covers them all.
  const total = entries.length * 100;
  const weight = Math.max(1, Math.floor((100 / total) * 100));
  const records: ResourceRecord[] = [];
  const extra: ResourceRecord[] = [];
  const seenTargets = new Set<string>();
  const seenAddresses = new Set<string>();
  for (const entry of entries) {
    if (entry.port === -1) continue;
    const kind = hostKind(entry.host);
    if (kind === 'name') continue;
    const target = entry.owner;
    const targetKey = `${target} ${entry.port}`;
    if (!seenTargets.has(targetKey)) {
      seenTargets.add(targetKey);
      records.push({ name: ownerName(qname), ttl: entry.ttl, type: 'SRV', priority: 0, weight, port: entry.port, target });
    }
    const addressKey = `${target} ${entry.host}`;
    if (!seenAddresses.has(addressKey)) {
      seenAddresses.add(addressKey);
      extra.push({ name: target, ttl: entry.ttl, type: kind, address: entry.host } as ResourceRecord);
    }
  }
  return { records, extra };
}

/** The CNAME of the first entry, when it is a name (backend_lookup.go CNAME). */
export function cnameRecords(backend: ServiceBackend, qname: string): ResourceRecord[] {
  const [first] = backend.services(qname, 'CNAME');
  if (!first || hostKind(first.host) !== 'name') return [];
  return [{ name: ownerName(qname), ttl: first.ttl, type: 'CNAME', target: fqdn(first.host) }];
}

/** PTR records, one per distinct name (backend_lookup.go PTR). */
export function ptrRecords(backend: ServiceBackend, qname: string): ResourceRecord[] {
  const seen = new Set<string>();
  const records: ResourceRecord[] = [];
  for (const entry of backend.reverse(qname)) {
    if (hostKind(entry.host) !== 'name' || seen.has(entry.host)) continue;
    seen.add(entry.host);
    records.push({ name: ownerName(qname), ttl: entry.ttl, type: 'PTR', target: fqdn(entry.host) });
  }
  return records;
}

/**
 * The zone's SOA (backend_lookup.go SOA): `ns.dns.<zone> hostmaster.<zone> <serial>
 * 7200 1800 86400 <ttl>`, its own TTL the smaller of 300 and the plugin's TTL.
 */
export function soaRecord(zone: string, serial: number, minimumTtl: number): ResourceRecord {
  const apex = fqdn(zone);
  return {
    name: apex,
    ttl: Math.min(300, minimumTtl),
    type: 'SOA',
    mname: `ns.dns.${apex}`,
    rname: `hostmaster.${apex}`,
    serial,
    refresh: 7200,
    retry: 1800,
    expire: 86400,
    minimum: minimumTtl,
  };
}
