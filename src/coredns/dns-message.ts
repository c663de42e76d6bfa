/**
 * The DNS data a query yields, as a client sees it on the wire: a response
 * code, the answer, authority and additional sections and the header flags
 * clients print (dig's `flags: qr aa rd`, nslookup's "Non-authoritative answer:").
 * Owner names and targets are absolute, with the trailing dot (`kubernetes.default.svc.cluster.local.`).
 */

/** Query types the cluster's clients send. */
export type QueryType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR' | 'ANY' | 'SOA' | 'NS' | 'TXT' | 'MX';

export const QUERY_TYPES: readonly QueryType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR', 'ANY', 'SOA', 'NS', 'TXT', 'MX'];

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';

interface RecordHeader {
  /** Owner name, absolute with trailing dot. */
  name: string;
  ttl: number;
}

export type ResourceRecord =
  | (RecordHeader & { type: 'A'; address: string })
  | (RecordHeader & { type: 'AAAA'; address: string })
  | (RecordHeader & { type: 'CNAME'; target: string })
  | (RecordHeader & { type: 'PTR'; target: string })
  | (RecordHeader & { type: 'NS'; target: string })
  | (RecordHeader & { type: 'SRV'; priority: number; weight: number; port: number; target: string })
  | (RecordHeader & { type: 'TXT'; text: string[] })
  | (RecordHeader & {
      type: 'SOA';
      mname: string;
      rname: string;
      serial: number;
      refresh: number;
      retry: number;
      expire: number;
      minimum: number;
    });

export interface DnsAnswer {
  rcode: Rcode;
  answers: ResourceRecord[];
  /** The SOA of the zone in negative answers (NXDOMAIN and NODATA). */
  authority: ResourceRecord[];
  /** Address records of SRV targets. */
  additional: ResourceRecord[];
  /** The AA header bit. */
  authoritative: boolean;
  /** The RA header bit. */
  recursionAvailable: boolean;
}

/** A DNS server as its clients use it: one question, one answer. */
export interface Resolver {
  query(name: string, type: QueryType): DnsAnswer;
}

/** A fresh copy of a record with another TTL (caches rewrite TTLs on the way out). */
export function withTtl(record: ResourceRecord, ttl: number): ResourceRecord {
  return { ...record, ttl } as ResourceRecord;
}

/** NOERROR with an empty answer section: the name exists, the type does not (RFC 2308 NODATA). */
export function isNoData(answer: DnsAnswer): boolean {
  return answer.rcode === 'NOERROR' && answer.answers.length === 0;
}
