/**
 * dig's output read back into a reply: the header's status and flags line and
 * the records of each section. dig (BIND 9.18, bin/dig/dighost.c and
 * lib/dns/rdata.c) prints `;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: N`,
 * `;; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1`, then
 * `;; ANSWER SECTION:` ... with one record a line, fields separated by tabs or
 * spaces (the layout pads with tabs to columns, or a single space when a name
 * is long).
 */

export interface DnsRecord {
  name: string;
  ttl: number;
  class: string;
  type: string;
  /** The record data as printed, runs of white space made one space. */
  data: string;
}

export interface DigReply {
  status: string;
  /** `qr aa rd; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 1` */
  flags: string;
  answer: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
}

/** One record line (`name ttl class type data...`), or undefined for anything else. */
export function parseRecordLine(line: string): DnsRecord | undefined {
  if (!line.trim() || line.startsWith(';')) return undefined;
  const fields = line.trim().split(/\s+/);
  if (fields.length < 5 || !/^\d+$/.test(fields[1])) return undefined;
  return { name: fields[0], ttl: Number(fields[1]), class: fields[2], type: fields[3], data: fields.slice(4).join(' ') };
}

const SECTIONS = { ANSWER: 'answer', AUTHORITY: 'authority', ADDITIONAL: 'additional' } as const;

/** Reads dig's full output; undefined when it holds no reply (timeouts, errors). */
export function parseDigReply(text: string): DigReply | undefined {
  const status = /;; ->>HEADER<<- opcode: \w+, status: (\w+)/.exec(text)?.[1];
  const flags = /^;; flags: (.*)$/m.exec(text)?.[1];
  if (!status || flags === undefined) return undefined;
  const reply: DigReply = { status, flags: flags.trim(), answer: [], authority: [], additional: [] };
  let section: keyof typeof SECTIONS | undefined;
  for (const line of text.split('\n')) {
    const heading = /^;; (\w+) SECTION:$/.exec(line)?.[1];
    if (heading) {
      section = heading in SECTIONS ? (heading as keyof typeof SECTIONS) : undefined;
      continue;
    }
    if (!line.trim()) {
      section = undefined;
      continue;
    }
    const record = section && parseRecordLine(line);
    if (section && record) reply[SECTIONS[section]].push(record);
  }
  return reply;
}

/** Records of `+noall +answer +authority` output: every record line, in order. */
export function parseRecordLines(text: string): DnsRecord[] {
  return text.split('\n').flatMap((line) => parseRecordLine(line) ?? []);
}

/** A record as one line with single spaces. */
export function recordText(r: DnsRecord, ttl: string = String(r.ttl)): string {
  return `${r.name} ${ttl} ${r.class} ${r.type} ${r.data}`;
}
