/**
 * Resource records as BIND's tools print them (lib/dns/masterdump.c with the
 * style dig uses): owner, TTL, class, type and data in columns 0, 24, 32, 40
 * and 48 of a tab-8 layout, reached with tabs where possible (masterdump.c
 * indent()); a field that is already past its column gets one space.
 * Checked against dig 9.18.49 on this machine.
 */
import type { ResourceRecord } from '../../coredns/dns-message.ts';

const TAB = 8;

/** Advances from column `from` to `to` as masterdump.c indent() does. */
function indent(from: number, to: number): { text: string; column: number } {
  const target = Math.max(to, from + 1);
  const tabs = Math.floor(target / TAB) - Math.floor(from / TAB);
  if (tabs > 0) return { text: '\t'.repeat(tabs) + ' '.repeat(target % TAB), column: target };
  return { text: ' '.repeat(target - from), column: target };
}

/** Lays out fields at the given columns. */
export function columns(fields: { text: string; column: number }[]): string {
  let out = '';
  let column = 0;
  fields.forEach((field, i) => {
    if (i > 0) {
      const step = indent(column, field.column);
      out += step.text;
      column = step.column;
    }
    out += field.text;
    column += field.text.length;
  });
  return out;
}

/** The record's data in presentation format (targets keep their trailing dot). */
export function rdataText(record: ResourceRecord): string {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return record.address;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return record.target;
    case 'SRV':
      return `${record.priority} ${record.weight} ${record.port} ${record.target}`;
    case 'TXT':
      return record.text.map((t) => `"${t}"`).join(' ');
    case 'SOA':
      return `${record.mname} ${record.rname} ${record.serial} ${record.refresh} ${record.retry} ${record.expire} ${record.minimum}`;
  }
}

/** One record line of dig's answer, authority or additional section. */
export function recordLine(record: ResourceRecord): string {
  return columns([
    { text: record.name, column: 0 },
    { text: String(record.ttl), column: 24 },
    { text: 'IN', column: 32 },
    { text: record.type, column: 40 },
    { text: rdataText(record), column: 48 },
  ]);
}

/**
 * A question line: `;name.` then class and type at columns 32 and 40. The `;`
 * is written before the line is laid out (lib/dns/message.c
 * dns_message_sectiontotext, then dns_master_questiontotext from column 0), so
 * the columns count from the name: a 31-letter name is followed by a tab
 * (`;nope.default.svc.cluster.local.\tIN\tA`, dig 9.18.49 on this machine).
 */
export function questionLine(name: string, type: string): string {
  return `;${columns([
    { text: name, column: 0 },
    { text: 'IN', column: 32 },
    { text: type, column: 40 },
  ])}`;
}

/** A name without its trailing dot, as nslookup and host print owner names. */
export function relativeName(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}
