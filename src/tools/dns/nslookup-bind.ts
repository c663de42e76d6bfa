/**
 * BIND's nslookup (bin/dig/nslookup.c on dighost.c), non-interactive, in two
 * generations:
 * - '9.9' (tutum/dnsutils, jessie-dnsutils; seed 001): asks A only; with a
 *   single name server it prints no warning about recursion; timeouts print
 *   `;; connection timed out; no servers could be reached`.
 * - '9.18' (today's Debian dnsutils, checked against 9.18.49 on this machine):
 *   asks A, then AAAA for the name that answered (an empty AAAA reply prints
 *   nothing); every reply without RA from a resolv.conf server prints
 *   `;; Got recursion not available from SERVER`, which CoreDNS's cluster
 *   answers always trigger; an IP argument prints its PTR without the Server
 *   header; timeouts print `;; communications error to S#53: timed out` lines.
 *
 * Both print `Server:\t\tS` / `Address:\tS#53`, a blank line, then the answer:
 * `Name:\tNAME` / `Address: IP` per address, `NAME\tcanonical name = T.`,
 * `NAME\tname = T.`, `NAME\tservice = P W PORT T.`; `Non-authoritative answer:`
 * before answers without AA; `** server can't find NAME: NXDOMAIN` (the name as
 * typed; exit status 1); `*** Can't find NAME: No answer` for an empty reply to
 * an explicit type; a blank line at the end. A CNAME without addresses is
 * followed to its target. Search: see dighost-search.ts.
 */
import { isIP } from 'node:net';
import type { DnsAnswer, QueryType, ResourceRecord } from '../../coredns/dns-message.ts';
import { QUERY_TYPES } from '../../coredns/dns-message.ts';
import { reverseName } from '../../coredns/dns-name.ts';
import { parseResolvConf } from '../../coredns/resolv-conf.ts';
import { describeRecords, type SentQuery } from '../../coredns/stub-resolver.ts';
import type { CommandResult, Program, ProgramContext } from '../../shell/types.ts';
import type { DnsEnvironment } from './dns-environment.ts';
import { dnsTrace } from './dns-trace.ts';
import { dighostCandidates } from './dighost-search.ts';
import { relativeName } from './record-text.ts';

export type BindVersion = '9.9' | '9.18';

const TYPE_OPTIONS = ['type', 'ty', 'querytype', 'query', 'qu', 'q'];
/** Seconds per try and tries before nslookup gives up on a silent server. */
const TIMEOUT_SECONDS = 5;
const TRIES = 3;

function answerLine(record: ResourceRecord, version: BindVersion): string {
  const owner = relativeName(record.name);
  switch (record.type) {
    case 'A':
      return `Name:\t${owner}\nAddress: ${record.address}\n`;
    case 'AAAA':
      return version === '9.9' ? `${owner}\thas AAAA address ${record.address}\n` : `Name:\t${owner}\nAddress: ${record.address}\n`;
    case 'CNAME':
      return `${owner}\tcanonical name = ${record.target}\n`;
    case 'PTR':
      return `${owner}\tname = ${record.target}\n`;
    case 'NS':
      return `${owner}\tnameserver = ${record.target}\n`;
    case 'SRV':
      return `${owner}\tservice = ${record.priority} ${record.weight} ${record.port} ${record.target}\n`;
    case 'TXT':
      return `${owner}\ttext = ${record.text.map((t) => `"${t}"`).join(' ')}\n`;
    case 'SOA':
      return (
        `${owner}\n\torigin = ${relativeName(record.mname)}\n\tmail addr = ${relativeName(record.rname)}\n` +
        `\tserial = ${record.serial}\n\trefresh = ${record.refresh}\n\tretry = ${record.retry}\n\texpire = ${record.expire}\n\tminimum = ${record.minimum}\n`
      );
  }
}

class TimedOut extends Error {}

export function bindNslookup(env: DnsEnvironment, version: BindVersion): Program {
  return async (ctx: ProgramContext): Promise<CommandResult> => {
    let explicitType: QueryType | undefined;
    const positional: string[] = [];
    let stdout = '';
    for (const arg of ctx.argv.slice(1)) {
      if (!arg.startsWith('-')) {
        positional.push(arg);
        continue;
      }
      const [key, value = ''] = arg.slice(1).split(/=(.*)/s);
      if (TYPE_OPTIONS.includes(key.toLowerCase())) {
        const type = QUERY_TYPES.find((t) => t === value.toUpperCase());
        if (type) explicitType = type;
        else stdout += `unknown query type: ${value}\n`;
      }
    }
    if (positional.length === 0) return { stdout: '', stderr: '', exitCode: 1 };
    const [host, serverArg] = positional;
    const conf = parseResolvConf(env.resolvConf());
    const server = serverArg ?? conf.nameservers[0] ?? '127.0.0.1';
    const warnRecursion = version === '9.18' && serverArg === undefined;
    const sent: SentQuery[] = [];
    const request = ['nslookup', ...ctx.argv.slice(1)].join(' ');
    let headerDone = false;
    let failed = false;
    let found = false;

    const header = () => {
      if (headerDone) return;
      headerDone = true;
      stdout += `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
    };
    const ask = (name: string, type: QueryType): DnsAnswer => {
      const answer = env.query(server, name, type);
      if (answer === 'timeout') {
        sent.push({ server, name, type, outcome: 'timeout', records: [] });
        throw new TimedOut();
      }
      sent.push({ server, name, type, outcome: answer.rcode, records: describeRecords(answer), answer });
      if (warnRecursion && !answer.recursionAvailable) stdout += `;; Got recursion not available from ${server}\n`;
      return answer;
    };
    /** One dighost lookup: the search walk, then the printed reply; returns the answering name. */
    const lookup = (textname: string, type: QueryType, options: { search: boolean; quietWhenEmpty: boolean; withHeader: boolean }) => {
      const candidates = dighostCandidates(textname, conf, options.search);
      let answer: DnsAnswer | undefined;
      let asked = candidates[0];
      for (const candidate of candidates) {
        asked = candidate;
        answer = ask(candidate, type);
        if (answer.rcode !== 'NXDOMAIN') break;
      }
      if (!answer) return undefined;
      if (answer.rcode !== 'NOERROR') {
        if (options.withHeader) header();
        stdout += `** server can't find ${relativeName(answer.rcode === 'NXDOMAIN' ? textname : asked)}: ${answer.rcode}\n`;
        failed = true;
        return undefined;
      }
      if (answer.answers.length === 0) {
        if (options.quietWhenEmpty) return asked;
        if (options.withHeader) header();
        if (!answer.authoritative) stdout += 'Non-authoritative answer:\n';
        stdout += `*** Can't find ${textname}: No answer\n`;
        if (!answer.authoritative && type !== 'A') {
          stdout += '\nAuthoritative answers can be found from:\n' + answer.authority.map((r) => answerLine(r, version)).join('');
        }
        return asked;
      }
      if (options.withHeader) header();
      if (!answer.authoritative && !options.quietWhenEmpty) stdout += 'Non-authoritative answer:\n';
      stdout += answer.answers.map((r) => answerLine(r, version)).join('');
      const addresses = answer.answers.filter((r) => r.type === type);
      if (addresses.length > 0) found = true;
      const chain = answer.answers.filter((r) => r.type === 'CNAME');
      if ((type === 'A' || type === 'AAAA') && addresses.length === 0 && chain.length > 0) {
        const target = chain[chain.length - 1];
        if (target.type === 'CNAME') return lookup(target.target, type, { search: false, quietWhenEmpty: options.quietWhenEmpty, withHeader: false });
      }
      return addresses[0]?.name ?? asked;
    };

    try {
      const ptr = explicitType === undefined && isIP(host) !== 0 ? reverseName(host) : undefined;
      if (ptr) {
        lookup(ptr, 'PTR', { search: false, quietWhenEmpty: false, withHeader: version === '9.9' });
      } else {
        const type = explicitType ?? 'A';
        const answered = lookup(host, type, { search: true, quietWhenEmpty: false, withHeader: true });
        if (answered && explicitType === undefined && version === '9.18') {
          lookup(answered, 'AAAA', { search: false, quietWhenEmpty: true, withHeader: false });
        }
      }
    } catch (error) {
      if (!(error instanceof TimedOut)) throw error;
      await ctx.sleep(TIMEOUT_SECONDS * TRIES);
      stdout +=
        version === '9.9'
          ? ';; connection timed out; no servers could be reached\n'
          : `${`;; communications error to ${server}#53: timed out\n`.repeat(TRIES)};; no servers could be reached\n\n`;
      const trace = dnsTrace(request, env, sent, { ok: false, answer: 'no reply', failure: `${server} did not answer` });
      return { stdout, stderr: '', exitCode: 1, traces: [trace] };
    }
    stdout += '\n';
    const trace = dnsTrace(request, env, sent, {
      ok: found,
      answer: found ? `${host} resolved` : `${host} not resolved`,
      failure: found ? undefined : `${host} not found`,
    });
    return { stdout, stderr: '', exitCode: failed ? 1 : 0, traces: [trace] };
  };
}
