/**
 * BIND's host (bin/dig/host.c), checked against host 9.18.49 on this machine:
 * `host [-t type] name [server]` walks the search list like nslookup, asks A,
 * AAAA and MX by default (empty replies print nothing), and prints one line a
 * record: `N has address A`, `N has IPv6 address A`, `N is an alias for T.`,
 * `R domain name pointer T.`, `N has SRV record P W PORT T.`; NXDOMAIN prints
 * `Host NAME not found: 3(NXDOMAIN)` and exits 1; an empty reply to an explicit
 * type prints `N has no TYPE record`. A server argument adds the
 * `Using domain server:` block.
 */
import { isIP } from 'node:net';
import type { DnsAnswer, QueryType, ResourceRecord } from '../../coredns/dns-message.ts';
import { QUERY_TYPES } from '../../coredns/dns-message.ts';
import { reverseName } from '../../coredns/dns-name.ts';
import { parseResolvConf } from '../../coredns/resolv-conf.ts';
import { describeRecords, type SentQuery } from '../../coredns/stub-resolver.ts';
import type { CommandResult, Program, ProgramContext } from '../../shell/types.ts';
import type { BindVersion } from './nslookup-bind.ts';
import type { DnsEnvironment } from './dns-environment.ts';
import { dnsTrace } from './dns-trace.ts';
import { dighostCandidates } from './dighost-search.ts';
import { rdataText, relativeName } from './record-text.ts';

const RCODE_NUMBERS: Record<string, number> = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };
const TIMEOUT_SECONDS = 5;
const TRIES = 2;

function recordText(record: ResourceRecord): string {
  const owner = relativeName(record.name);
  const data = rdataText(record);
  switch (record.type) {
    case 'A':
      return `${owner} has address ${data}`;
    case 'AAAA':
      return `${owner} has IPv6 address ${data}`;
    case 'CNAME':
      return `${owner} is an alias for ${data}`;
    case 'PTR':
      return `${owner} domain name pointer ${data}`;
    case 'SRV':
      return `${owner} has SRV record ${data}`;
    case 'NS':
      return `${owner} name server ${data}`;
    case 'TXT':
      return `${owner} descriptive text ${data}`;
    case 'SOA':
      return `${owner} has SOA record ${data}`;
  }
}

class TimedOut extends Error {}

export function host(env: DnsEnvironment, version: BindVersion): Program {
  return async (ctx: ProgramContext): Promise<CommandResult> => {
    const args = ctx.argv.slice(1);
    let explicitType: QueryType | undefined;
    const positional: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-t') {
        const value = (args[++i] ?? '').toUpperCase();
        explicitType = QUERY_TYPES.find((t) => t === value);
      }
      else if (!args[i].startsWith('-')) positional.push(args[i]);
    }
    if (positional.length === 0) return { stdout: '', stderr: 'Usage: host [-t type] hostname [server]\n', exitCode: 1 };
    const [name, serverArg] = positional;
    const conf = parseResolvConf(env.resolvConf());
    const server = serverArg ?? conf.nameservers[0] ?? '127.0.0.1';
    const sent: SentQuery[] = [];
    const request = ['host', ...args].join(' ');
    let stdout = serverArg ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n` : '';

    const ask = (qname: string, type: QueryType): DnsAnswer => {
      const answer = env.query(server, qname, type);
      sent.push({ server, name: qname, type, outcome: answer === 'timeout' ? 'timeout' : answer.rcode, records: answer === 'timeout' ? [] : describeRecords(answer) });
      if (answer === 'timeout') throw new TimedOut();
      return answer;
    };
    try {
      const reverse = isIP(name) !== 0 ? reverseName(name) : undefined;
      const types: QueryType[] = reverse ? ['PTR'] : explicitType ? [explicitType] : ['A', 'AAAA', 'MX'];
      let answered: string | undefined;
      let found = false;
      for (const [index, type] of types.entries()) {
        let answer: DnsAnswer | undefined;
        let asked = '';
        const candidates = answered ? [answered] : reverse ? [reverse] : dighostCandidates(name, conf, true);
        for (const candidate of candidates) {
          asked = candidate;
          answer = ask(candidate, type);
          if (answer.rcode !== 'NXDOMAIN') break;
        }
        if (!answer) break;
        if (answer.rcode !== 'NOERROR') {
          const shown = answer.rcode === 'NXDOMAIN' ? (reverse ?? name) : relativeName(asked);
          stdout += `Host ${shown} not found: ${RCODE_NUMBERS[answer.rcode]}(${answer.rcode})\n`;
          const trace = dnsTrace(request, env, sent, { ok: false, answer: answer.rcode, failure: `${name}: ${answer.rcode}` });
          return { stdout, stderr: '', exitCode: 1, traces: [trace] };
        }
        answered = asked;
        const records = index === 0 ? answer.answers : answer.answers.filter((r) => r.type !== 'CNAME');
        if (records.length > 0) found = true;
        stdout += records.map((r) => `${recordText(r)}\n`).join('');
        if (records.length === 0 && explicitType) stdout += `${relativeName(asked)} has no ${type} record\n`;
      }
      const trace = dnsTrace(request, env, sent, { ok: found, answer: found ? `${name} resolved` : `${name}: no records`, failure: found ? undefined : `${name}: no records` });
      return { stdout, stderr: '', exitCode: 0, traces: [trace] };
    } catch (error) {
      if (!(error instanceof TimedOut)) throw error;
      await ctx.sleep(TIMEOUT_SECONDS * TRIES);
      stdout +=
        version === '9.9'
          ? ';; connection timed out; no servers could be reached\n'
          : `${`;; communications error to ${server}#53: timed out\n`.repeat(TRIES)};; no servers could be reached\n`;
      const trace = dnsTrace(request, env, sent, { ok: false, answer: 'no reply', failure: `${server} did not answer` });
      return { stdout, stderr: '', exitCode: 1, traces: [trace] };
    }
  };
}
