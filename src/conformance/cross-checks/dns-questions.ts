/**
 * The DNS questions both clusters answer: A of every fixture Service's name,
 * AAAA where there is none, name.namespace with no search path, SRV of each
 * named port, the ExternalName's CNAME, PTR of a cluster IP, a pod IP and a
 * hand-written endpoint, NXDOMAIN names, a pod's A record and a headless
 * Service's per-pod name (CoreDNS plugin/kubernetes, FIDELITY §6).
 *
 * A question that names an address (PTR, pod records) takes it from each
 * cluster's own AddressBook, so both are asked about the same object.
 */
import type { AddressBook } from './address-book.ts';
import type { Fixture } from './fixture.ts';

export interface DnsQuestion {
  /** The question as the report shows it, the same for both clusters. */
  subject: string;
  /** dig arguments on one cluster; undefined when that cluster lacks the object asked about. */
  args(book: AddressBook): string[] | undefined;
}

const dashed = (ip: string) => ip.replaceAll('.', '-');

/** The pod whose address the pod-record questions use: the Deployment's pod on kind-worker. */
export const QUESTION_POD = 'pod web#2';

export function dnsQuestions(fixture: Fixture): DnsQuestion[] {
  const ns = fixture.namespace;
  const svc = (name: string) => `${name}.${ns}.svc.cluster.local`;
  const fixed = (type: string, name: string, ...flags: string[]): DnsQuestion => ({ subject: `${type} ${name}${flags.length ? ` ${flags.join(' ')}` : ''}`, args: () => [...flags, name, type] });
  const about = (type: string, object: string, role: string | undefined, name: (ip: string) => string[], shown: string): DnsQuestion => ({
    subject: `${type} ${shown}`,
    args: (book) => {
      const ip = book.addressOf(object, role);
      return ip === undefined ? undefined : name(ip);
    },
  });
  const questions: DnsQuestion[] = fixture.services.map((s) => fixed('A', svc(s.name)));
  questions.push(fixed('AAAA', svc('web')), fixed('A', `web.${ns}`, '+nosearch'));
  for (const s of fixture.services) {
    for (const p of s.ports) if (p.name && s.type !== 'ExternalName') questions.push(fixed('SRV', `_${p.name}._${p.protocol.toLowerCase()}.${svc(s.name)}`));
  }
  const externalName = fixture.services.find((s) => s.type === 'ExternalName');
  if (externalName) questions.push(fixed('CNAME', svc(externalName.name)));
  questions.push(
    about('PTR', 'svc/web', 'clusterIP', (ip) => ['-x', ip], '<clusterIP of svc/web>'),
    about('PTR', QUESTION_POD, 'IP', (ip) => ['-x', ip], `<IP of ${QUESTION_POD}>`),
    about('PTR', 'endpoints/external-db', 'address 1', (ip) => ['-x', ip], '<address 1 of endpoints/external-db>'),
    fixed('A', svc('nope')),
    fixed('A', 'web.nowhere.svc.cluster.local'),
    about('A', QUESTION_POD, 'IP', (ip) => [`${dashed(ip)}.${ns}.pod.cluster.local`, 'A'], `<dashed IP of ${QUESTION_POD}>.${ns}.pod.cluster.local`),
    about('A', QUESTION_POD, 'IP', (ip) => [`${dashed(ip)}.${svc('web-headless')}`, 'A'], `<dashed IP of ${QUESTION_POD}>.${svc('web-headless')}`),
  );
  return questions;
}
