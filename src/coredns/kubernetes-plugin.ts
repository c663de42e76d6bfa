/**
 * The kubernetes plugin's request handling for the kind/kubeadm stanza
 * `kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure; fallthrough
 * in-addr.arpa ip6.arpa; ttl 30 }` (FIDELITY §6; coredns plugin/kubernetes/handler.go
 * ServeDNS and kubernetes.go Services, reverse.go Reverse; CoreDNS 1.11).
 *
 * - Answers carry AA and not RA (the handler sets only Authoritative).
 * - A name that does not exist gives NXDOMAIN with the zone's SOA; an existing
 *   name without records of the asked type gives NOERROR, no answer, and the SOA.
 * - Not-found names under in-addr.arpa / ip6.arpa fall through to the next plugin.
 * - Types other than A, AAAA, TXT, CNAME, PTR, MX, SRV, SOA and NS (ANY ...) are
 *   answered by a fake A lookup that only tells NODATA from NXDOMAIN.
 */
import { isIP } from 'node:net';
import {
  addressRecords,
  cnameRecords,
  ownerName,
  ptrRecords,
  soaRecord,
  srvRecords,
  type ServiceBackend,
} from './backend-lookup.ts';
import type { DnsAnswer, QueryType, ResourceRecord } from './dns-message.ts';
import { addressFromReverseName, fqdn, isInZone, isReverseName, trimZone } from './dns-name.ts';
import { NameNotFound, type KubernetesBackend, type ServiceEntry } from './kubernetes-backend.ts';
import { InvalidRequest, parseRecordRequest } from './record-request.ts';

/** The schema version TXT `dns-version.<zone>` answers (kubernetes.go DNSSchemaVersion), with TTL 28800. */
export const DNS_SCHEMA_VERSION = '1.1.0';

const REVERSE_ZONES = ['in-addr.arpa.', 'ip6.arpa.'];

export interface KubernetesPluginOptions {
  backend: KubernetesBackend;
  /** What the `forward` plugin answers, for ExternalName targets outside the zone. */
  upstream: (name: string, type: QueryType) => DnsAnswer;
  /** The SOA serial: the Unix time of the last Service or endpoint change (controller.go Modified). */
  serial: () => number;
}

export class KubernetesPlugin implements ServiceBackend {
  private readonly backend: KubernetesBackend;
  private readonly upstream: (name: string, type: QueryType) => DnsAnswer;
  private readonly serial: () => number;
  private readonly zones: string[];

  constructor(options: KubernetesPluginOptions) {
    this.backend = options.backend;
    this.upstream = options.upstream;
    this.serial = options.serial;
    this.zones = [options.backend.zone, ...REVERSE_ZONES];
  }

  /** The answer for one question, or undefined when the next plugin must answer it. */
  serve(qname: string, qtype: QueryType): DnsAnswer | undefined {
    const zone = this.matchZone(qname);
    if (!zone) return undefined;
    let records: ResourceRecord[] = [];
    let extra: ResourceRecord[] = [];
    try {
      switch (qtype) {
        case 'A':
        case 'AAAA':
          records = addressRecords(this, zone, qname, qtype);
          break;
        case 'TXT':
          records = this.txtRecords(qname);
          break;
        case 'CNAME':
          records = cnameRecords(this, qname);
          break;
        case 'PTR':
          records = ptrRecords(this, qname);
          break;
        case 'MX':
          // Kubernetes entries are never mail exchangers: only the lookup's errors matter.
          this.services(qname, 'MX');
          break;
        case 'SRV':
          ({ records, extra } = srvRecords(this, qname));
          break;
        case 'SOA':
          if (fqdn(qname) === zone) records = [this.soa(zone)];
          break;
        case 'NS':
          if (fqdn(qname) === zone) {
            ({ records, extra } = this.nsRecords(qname, zone));
            break;
          }
          addressRecords(this, zone, qname, 'A');
          break;
        default:
          addressRecords(this, zone, qname, 'A');
      }
    } catch (error) {
      if (!(error instanceof NameNotFound)) throw error;
      if (REVERSE_ZONES.some((z) => isInZone(qname, z))) return undefined; // fallthrough in-addr.arpa ip6.arpa
      return this.negative('NXDOMAIN', zone);
    }
    if (records.length === 0) return this.negative('NOERROR', zone);
    return {
      rcode: 'NOERROR',
      answers: records,
      authority: [],
      additional: extra,
      authoritative: true,
      recursionAvailable: false,
    };
  }

  /** kubernetes.go Services: the entries a name stands for. */
  services(name: string, type: QueryType): ServiceEntry[] {
    const zone = this.matchZone(name) ?? this.backend.zone;
    if (type === 'NS' || fqdn(name) === `ns.dns.${zone}`) {
      return this.backend
        .nameserverAddresses()
        .map((ip) => ({ owner: `ns.dns.${zone}`, host: ip, port: 0, ttl: this.backend.ttl }));
    }
    const entries = this.records(name, zone);
    // SRV for ExternalName services is not implemented in CoreDNS: such entries are dropped.
    return type === 'SRV' ? entries.filter((e) => isIP(e.host) !== 0) : entries;
  }

  /** reverse.go Reverse. */
  reverse(name: string): ServiceEntry[] {
    const ip = addressFromReverseName(name);
    if (ip === undefined) {
      this.records(name, this.matchZone(name) ?? this.backend.zone);
      return [];
    }
    const names = this.backend.reverse(ip);
    if (names.length === 0) throw new NameNotFound('no items found');
    return names.map((host) => ({ owner: fqdn(name), host, port: 0, ttl: this.backend.ttl }));
  }

  lookup(name: string, type: QueryType): DnsAnswer {
    return this.upstream(name, type);
  }

  /** kubernetes.go Records. */
  private records(name: string, zone: string): ServiceEntry[] {
    let request;
    try {
      request = parseRecordRequest(name, zone);
    } catch (error) {
      if (error instanceof InvalidRequest) throw new NameNotFound('invalid query name');
      throw error;
    }
    if (request.podOrSvc === '') return [];
    if (isReverseName(name)) throw new NameNotFound('no items found');
    return this.backend.records(request);
  }

  private txtRecords(qname: string): ResourceRecord[] {
    const zone = this.matchZone(qname) ?? this.backend.zone;
    if (trimZone(qname, zone) === 'dns-version') {
      return [{ name: ownerName(qname), ttl: 28800, type: 'TXT', text: [DNS_SCHEMA_VERSION] }];
    }
    const records: ResourceRecord[] = [];
    for (const entry of this.services(qname, 'TXT')) {
      if (isIP(entry.host) !== 0) continue;
      const target = fqdn(entry.host);
      records.push({ name: ownerName(qname), ttl: entry.ttl, type: 'CNAME', target }, ...this.upstream(target, 'TXT').answers);
    }
    return records;
  }

  private nsRecords(qname: string, zone: string): { records: ResourceRecord[]; extra: ResourceRecord[] } {
    const entries = this.services(qname, 'NS');
    const records: ResourceRecord[] = [];
    const extra: ResourceRecord[] = [];
    for (const entry of entries) {
      extra.push({ name: entry.owner, ttl: entry.ttl, type: entry.host.includes(':') ? 'AAAA' : 'A', address: entry.host } as ResourceRecord);
      if (records.length === 0) records.push({ name: ownerName(qname), ttl: entry.ttl, type: 'NS', target: `ns.dns.${zone}` });
    }
    return { records, extra };
  }

  private soa(zone: string): ResourceRecord {
    return soaRecord(zone, this.serial(), this.backend.ttl);
  }

  private negative(rcode: 'NXDOMAIN' | 'NOERROR', zone: string): DnsAnswer {
    return {
      rcode,
      answers: [],
      authority: [this.soa(zone)],
      additional: [],
      authoritative: true,
      recursionAvailable: false,
    };
  }

  /** The longest of the plugin's zones containing `name` (plugin.Zones.Matches). */
  private matchZone(name: string): string | undefined {
    let best: string | undefined;
    for (const zone of this.zones) {
      if (isInZone(name, zone) && (!best || zone.length > best.length)) best = zone;
    }
    return best;
  }
}
