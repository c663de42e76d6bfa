/**
 * The `loadbalance` plugin (round_robin policy; coredns plugin/loadbalance/loadbalance.go):
 * in every NOERROR reply it shuffles the A/AAAA records of each section (and MX),
 * keeping CNAMEs first and other records next; a two-record set swaps on an even
 * random id. Randomness comes from a seeded stream so runs replay exactly.
 */
import type { SeededRandom } from '../random/seeded-random.ts';
import type { DnsAnswer, ResourceRecord } from './dns-message.ts';

function shuffleInPlace(records: ResourceRecord[], random: SeededRandom): void {
  const length = records.length;
  if (length < 2) return;
  if (length === 2) {
    if (random.int(0, 0xffff) % 2 === 0) [records[0], records[1]] = [records[1], records[0]];
    return;
  }
  for (let j = 0; j < length; j++) {
    const p = j + (random.int(0, 0xffff) % (length - j));
    if (p !== j) [records[j], records[p]] = [records[p], records[j]];
  }
}

function roundRobin(records: ResourceRecord[], random: SeededRandom): ResourceRecord[] {
  if (records.length <= 1) return records;
  const cname: ResourceRecord[] = [];
  const address: ResourceRecord[] = [];
  const rest: ResourceRecord[] = [];
  for (const record of records) {
    if (record.type === 'CNAME') cname.push(record);
    else if (record.type === 'A' || record.type === 'AAAA') address.push(record);
    else rest.push(record);
  }
  shuffleInPlace(address, random);
  return [...cname, ...rest, ...address];
}

/** The reply as the loadbalance plugin writes it. */
export function shuffleAnswer(answer: DnsAnswer, random: SeededRandom): DnsAnswer {
  if (answer.rcode !== 'NOERROR') return answer;
  return {
    ...answer,
    answers: roundRobin(answer.answers, random),
    authority: roundRobin(answer.authority, random),
    additional: roundRobin(answer.additional, random),
  };
}
