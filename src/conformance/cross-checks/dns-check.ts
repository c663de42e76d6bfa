/**
 * CoreDNS answers against the memory DNS for the same questions
 * (dns-questions.ts): the reference's real CoreDNS asked from this machine,
 * the memory backend's asked with dig from a fixture pod. Two comparisons:
 *
 * - `dns`: dig's full output read back (dig-reply.ts): status, flags line and
 *   the records of each section, addresses mapped to their owners. Records are
 *   compared as sets: CoreDNS's loadbalance plugin shuffles them.
 * - `dig-noall`: `dig +noall +answer +authority`, line by line as a set. It is
 *   asked right after the first, so the reference's `cache 30` answers it with
 *   a remaining TTL: TTLs are left out there.
 */
import type { AddressBook } from './address-book.ts';
import type { ClusterUnderCheck, CommandOutput, NamedCluster } from './cluster-under-check.ts';
import type { CheckResult, ComparedBlock } from './comparison.ts';
import { compareBlock } from './comparison.ts';
import type { DigReply, DnsRecord } from './dig-reply.ts';
import { parseDigReply, parseRecordLine, recordText } from './dig-reply.ts';
import type { DnsQuestion } from './dns-questions.ts';
import type { KnownDifference } from './known-differences.ts';
import { alignOrdered } from './line-alignment.ts';
import { mapToObjects } from './map-to-objects.ts';

/** The TTL kind's Corefile gives (`kubernetes ... { ttl 30 }`, `cache 30`): a lower one was served from the cache. */
export const FRESH_TTL = 30;

/**
 * A record as compared: owners for addresses, and the SOA serial, which
 * CoreDNS's kubernetes plugin sets to the time of the last change it saw, left out.
 */
export function comparableRecord(r: DnsRecord, book: AddressBook, ttl?: string): string {
  const data = r.type === 'SOA' ? r.data.replace(/^(\S+ \S+ )\d+/, '$1<serial>') : r.data;
  return mapToObjects(recordText({ ...r, data }, ttl), book);
}

/** A reply as lines: status, flags, then each section's records sorted. */
export function comparableReply(reply: DigReply, book: AddressBook): string[] {
  const section = (name: string, records: DnsRecord[]) => records.map((r) => `${name}: ${comparableRecord(r, book)}`).sort();
  return [`status: ${reply.status}`, `flags: ${reply.flags}`, ...section('ANSWER', reply.answer), ...section('AUTHORITY', reply.authority), ...section('ADDITIONAL', reply.additional)];
}

/** `+noall +answer +authority` output as a sorted set of lines, TTLs left out. */
export function comparableNoallOutput(output: CommandOutput, book: AddressBook): string[] {
  const lines = output.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = parseRecordLine(l);
      return r ? comparableRecord(r, book, '<ttl>') : mapToObjects(l, book);
    })
    .sort();
  if (output.exitCode !== 0) lines.push(`exit ${output.exitCode}`);
  return lines;
}

function unreadable(output: CommandOutput): string[] {
  return [`(no reply read) exit ${output.exitCode}`, ...`${output.stdout}${output.stderr}`.split('\n').filter((l) => l.trim() && !l.startsWith(';; WHEN'))];
}

/** Asks until the answer is not a cached one (every TTL fresh), waiting out what the cache holds. */
async function askFresh(cluster: ClusterUnderCheck, args: string[]): Promise<CommandOutput> {
  for (let attempt = 0; ; attempt++) {
    const output = await cluster.dig(args);
    const reply = parseDigReply(output.stdout);
    const ttls = reply ? [...reply.answer, ...reply.authority, ...reply.additional].map((r) => r.ttl) : [];
    const cached = ttls.filter((t) => t < FRESH_TTL);
    if (cached.length === 0 || attempt >= 2) return output;
    await cluster.pause(Math.max(...cached) + 1);
  }
}

export async function runDnsChecks(questions: DnsQuestion[], reference: NamedCluster, memory: NamedCluster, known: readonly KnownDifference[], record: (side: string, name: string, text: string) => void): Promise<CheckResult[]> {
  const dns: ComparedBlock[] = [];
  const noall: ComparedBlock[] = [];
  for (const q of questions) {
    const refArgs = q.args(reference.book);
    const memArgs = q.args(memory.book);
    if (!refArgs || !memArgs) {
      dns.push(compareBlock('dns', q.subject, [{ reference: refArgs ? undefined : '(no such object)', memory: memArgs ? undefined : '(no such object)' }], known));
      continue;
    }
    const r = await askFresh(reference.cluster, refArgs);
    const m = await memory.cluster.dig(memArgs);
    record('reference', `dig ${refArgs.join(' ')}`, r.stdout + r.stderr);
    record('memory', `dig ${memArgs.join(' ')}`, m.stdout + m.stderr);
    const rr = parseDigReply(r.stdout);
    const mr = parseDigReply(m.stdout);
    dns.push(compareBlock('dns', q.subject, alignOrdered(rr ? comparableReply(rr, reference.book) : unreadable(r), mr ? comparableReply(mr, memory.book) : unreadable(m)), known));

    const flags = ['+noall', '+answer', '+authority'];
    const r2 = await reference.cluster.dig([...flags, ...refArgs]);
    const m2 = await memory.cluster.dig([...flags, ...memArgs]);
    record('reference', `dig ${[...flags, ...refArgs].join(' ')}`, r2.stdout + r2.stderr);
    record('memory', `dig ${[...flags, ...memArgs].join(' ')}`, m2.stdout + m2.stderr);
    noall.push(compareBlock('dig-noall', q.subject, alignOrdered(comparableNoallOutput(r2, reference.book), comparableNoallOutput(m2, memory.book)), known));
  }
  return [
    { check: 'dns', title: 'DNS replies (status, flags, records as sets) of the real CoreDNS and the memory DNS', blocks: dns, notes: [] },
    { check: 'dig-noall', title: '`dig +noall +answer +authority` of the same questions (TTLs left out: the second asking is served from the cache)', blocks: noall, notes: [] },
  ];
}
