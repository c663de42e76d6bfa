import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { DnsAnswer, QueryType, ResourceRecord } from '../../coredns/dns-message.ts';
import { dig } from './dig.ts';
import { parseDigArgs } from './dig-options.ts';
import { podDnsEnvironment, programContext } from './testing-env.ts';

/**
 * dig's display options against the outputs of dig 9.18.49 on this machine
 * (testdata/dig-9.18/: cases.txt and timeout-cases.txt list the command lines,
 * capture.sh repeats the capture). The memory dig is given the answers the
 * reference cluster's CoreDNS gave (kube-dns at 10.96.0.10, the SOA of
 * cluster.local), so every byte but the run-to-run values must match.
 */
const testdata = new URL('./testdata/dig-9.18/', import.meta.url);
const golden = (name: string) => readFileSync(new URL(`${name}.txt`, testdata), 'utf8');

function cases(file: string): [string, string][] {
  return readFileSync(new URL(file, testdata), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string]);
}

/** CoreDNS's SOA of cluster.local; the serial is the time of the last change the kubernetes plugin saw. */
const soa = (serial: number): ResourceRecord => ({
  name: 'cluster.local.',
  ttl: 30,
  type: 'SOA',
  mname: 'ns.dns.cluster.local.',
  rname: 'hostmaster.cluster.local.',
  serial,
  refresh: 7200,
  retry: 1800,
  expire: 86400,
  minimum: 30,
});
const KUBE_DNS = 'kube-dns.kube-system.svc.cluster.local.';

/** The reference's CoreDNS (kind's Corefile), for the three questions of cases.txt. */
function referenceAnswer(name: string, type: QueryType, serial = 1795338929): DnsAnswer {
  const SOA = soa(serial);
  const reply = (rcode: DnsAnswer['rcode'], answers: ResourceRecord[], authority: ResourceRecord[], additional: ResourceRecord[] = []): DnsAnswer => ({
    rcode,
    answers,
    authority,
    additional,
    authoritative: true,
    recursionAvailable: false,
  });
  if (name === `_dns._udp.${KUBE_DNS}` && type === 'SRV') {
    return reply('NOERROR', [{ name, ttl: 30, type: 'SRV', priority: 0, weight: 100, port: 53, target: KUBE_DNS }], [], [{ name: KUBE_DNS, ttl: 30, type: 'A', address: '10.96.0.10' }]);
  }
  if (name === KUBE_DNS) return reply('NOERROR', type === 'A' ? [{ name, ttl: 30, type: 'A', address: '10.96.0.10' }] : [], type === 'A' ? [] : [SOA]);
  return reply('NXDOMAIN', [], [SOA]);
}

const BANNER = '9.18.49-1~deb12u3-Debian';
const referenceDig = (serial?: number) =>
  dig(podDnsEnvironment({ query: (_server, name, type) => referenceAnswer(name, type, serial), now: () => Date.UTC(2026, 10, 22, 9, 16) }), { version: '9.18', banner: BANNER });
const reference = referenceDig();
const silent = dig(podDnsEnvironment({ query: () => 'timeout' }), { version: '9.18', banner: BANNER });

/**
 * Hides what changes from run to run: the message id, the cookie, the query
 * time, the clock, and TTLs (the reference's `cache 30` served most of the
 * captures with a lower one; TTLs of one or two digits lay out alike).
 */
function normalise(text: string): string {
  return text
    .replace(/id: \d+/, 'id: ID')
    .replace(/COOKIE: [0-9a-f]{16}/, 'COOKIE: X')
    .replace(/Query time: \d+ msec/, 'Query time: T msec')
    .replace(/^;; WHEN: .*$/m, ';; WHEN: W')
    .replace(/^([^;\s]\S*\s+)\d\d?(\s+IN\s)/gm, '$1TTL$2');
}

describe('dig 9.18 display options, byte for byte (testdata/dig-9.18/cases.txt)', () => {
  for (const [name, line] of cases('cases.txt')) {
    it(`${name}: dig ${line}`, async () => {
      const r = await reference(programContext(['dig', ...line.split(' ')]));
      expect(normalise(r.stdout)).to.equal(normalise(golden(name)));
      expect(r.exitCode).to.equal(0);
    });
  }

  it('the cross-check capture: +noall +answer +authority of a missing name prints the SOA (cross-checks/testdata/dig-noall-nxdomain.txt)', async () => {
    const captured = readFileSync(new URL('../../conformance/cross-checks/testdata/dig-noall-nxdomain.txt', import.meta.url), 'utf8');
    const r = await referenceDig(1795337412)(programContext(['dig', '@172.18.0.2', '+noall', '+answer', '+authority', 'nope.cross-check.svc.cluster.local']));
    expect(r.stdout).to.equal(captured);
  });
});

describe('dig 9.18 when no server answers (testdata/dig-9.18/timeout-cases.txt)', () => {
  for (const [name, line] of cases('timeout-cases.txt')) {
    it(`${name}: dig ${line}`, async () => {
      const slept: number[] = [];
      const r = await silent(programContext(['dig', ...line.split(' ')], slept));
      expect(r.stdout).to.equal(golden(name));
      expect([r.exitCode, slept]).to.deep.equal([9, [2]]);
    });
  }
});

describe('parseDigArgs', () => {
  const all = { question: true, answer: true, authority: true, additional: true, comments: true, stats: true };
  it('dig.c defaults, and `. NS` when no name is given', () => {
    expect(parseDigArgs([], 'V')).to.deep.include({ name: '.', type: 'NS', short: false, printcmd: true, display: all, tries: 3, timeoutSeconds: 5 });
  });
  it('+short leaves only the answer, and +noshort does not bring the rest back', () => {
    const c = parseDigArgs(['x', '+short', '+noshort'], 'V');
    expect(c).to.deep.include({ short: false, printcmd: false });
    expect(c.display).to.deep.equal({ question: false, answer: true, authority: false, additional: false, comments: false, stats: false });
  });
  it('abbreviations pick a keyword only once plus_option has read enough letters', () => {
    expect(parseDigArgs(['x', '+noal', '+au', '+add'], 'V').display).to.deep.include({ question: false, authority: true, additional: true, answer: false });
    expect(parseDigArgs(['x', '+noa'], 'V').display).to.deep.equal(all); // `+noa` is not an option dig knows
    expect(parseDigArgs(['x', '+NoQuestion'], 'V').display.question).to.equal(false);
  });
  it('types, classes, -t, -x and -q', () => {
    expect(parseDigArgs(['IN', 'srv', 'kubia'], 'V')).to.deep.include({ name: 'kubia', type: 'SRV' });
    expect(parseDigArgs(['-t', 'aaaa', 'kubia'], 'V')).to.deep.include({ name: 'kubia', type: 'AAAA' });
    expect(parseDigArgs(['-tMX', 'A'], 'V')).to.deep.include({ name: 'A', type: 'MX' }); // after -t a type name is a name
    expect(parseDigArgs(['-x', '10.96.0.10'], 'V')).to.deep.include({ name: '10.0.96.10.in-addr.arpa.', type: 'PTR' });
    expect(parseDigArgs(['-q', 'kubia', '+retry=0', '+time=2'], 'V')).to.deep.include({ name: 'kubia', tries: 1, timeoutSeconds: 2 });
  });
  it('the greeting counts the servers given before the name and names +short if it came first', () => {
    expect(parseDigArgs(['@10.96.0.10', 'x'], 'V').greeting).to.equal('\n; <<>> DiG V <<>> @10.96.0.10 x\n; (1 server found)\n;; global options: +cmd\n');
    expect(parseDigArgs(['+short', '+cmd', 'x'], 'V').greeting).to.equal('\n; <<>> DiG V <<>> +short +cmd x\n;; global options: +short +cmd\n');
    const late = parseDigArgs(['+nocmd', 'x', '+cmd'], 'V');
    expect([late.greeting, late.printcmd]).to.deep.equal([undefined, true]);
  });
});
