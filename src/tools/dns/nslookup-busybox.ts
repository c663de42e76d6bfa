/**
 * busybox nslookup since 1.29 (networking/nslookup.c, FEATURE_NSLOOKUP_BIG, the
 * resolver code taken from OpenWrt): it reads resolv.conf itself and sends all
 * its questions at once — A and AAAA (or the `-type=` asked), and for a name
 * without any dot one copy per search domain, never the bare name; a name with
 * a dot is sent as typed. Each reply prints as it arrives:
 * `** server can't find NAME: RCODE` (exit status 1) or the records; replies
 * never received end as `*** Can't find NAME: No answer`.
 *
 * Two builds differ in the message ids of those parallel questions:
 * - 'glibc' (Debian's busybox, checked against busybox 1.35.0 on this machine):
 *   ids differ, every reply is printed, NODATA prints an empty block.
 * - 'uclibc' (the docker-library `busybox` image): all questions share one id,
 *   so every reply is taken for the first question, only the first is printed
 *   and the others end as "No answer" after the 5 s timeout — the output of
 *   docker-library/busybox issues #48 and #61 and kubernetes PR #84105. Replies
 *   are taken to arrive in the order sent.
 */
import { isIP } from 'node:net';
import type { DnsAnswer, QueryType, ResourceRecord } from '../../coredns/dns-message.ts';
import { reverseName } from '../../coredns/dns-name.ts';
import { parseResolvConf } from '../../coredns/resolv-conf.ts';
import { describeRecords, type SentQuery } from '../../coredns/stub-resolver.ts';
import type { CommandResult, Program, ProgramContext } from '../../shell/types.ts';
import type { DnsEnvironment } from './dns-environment.ts';
import { dnsTrace } from './dns-trace.ts';
import { relativeName } from './record-text.ts';

export interface BusyboxNslookupOptions {
  /** 'uclibc': the docker-library image, whose parallel questions share one id. */
  build: 'glibc' | 'uclibc';
  /** The first line of the usage text, e.g. `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.` */
  banner: string;
}

/** Query types in the order of the applet's qtypes[] table (its usage line). */
const QTYPES: QueryType[] = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'MX', 'TXT', 'PTR', 'SRV', 'ANY'];
const OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout'];
/** G.default_timeout: seconds the applet waits for all replies. */
const TIMEOUT_SECONDS = 5;

function usage(banner: string): string {
  return [
    banner,
    '',
    'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]',
    '',
    'Query DNS about HOST',
    '',
    'QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any',
    '',
  ].join('\n');
}

/** parse_reply(): the answer section, one block per record type. */
function recordText(record: ResourceRecord): string {
  const name = relativeName(record.name);
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return `Name:\t${name}\nAddress: ${record.address}\n`;
    case 'NS':
      return `${name}\tnameserver = ${relativeName(record.target)}\n`;
    case 'CNAME':
      return `${name}\tcanonical name = ${relativeName(record.target)}\n`;
    case 'PTR':
      return `${name}\tname = ${relativeName(record.target)}\n`;
    case 'SRV':
      return `${name}\tservice = ${record.priority} ${record.weight} ${record.port} ${relativeName(record.target)}\n`;
    case 'TXT':
      return `${name}\ttext = "${record.text[0] ?? ''}"\n`;
    case 'SOA':
      return (
        `${name}\n\torigin = ${relativeName(record.mname)}\n\tmail addr = ${relativeName(record.rname)}\n` +
        `\tserial = ${record.serial}\n\trefresh = ${record.refresh}\n\tretry = ${record.retry}\n` +
        `\texpire = ${record.expire}\n\tminimum = ${record.minimum}\n`
      );
  }
}

function replyText(name: string, answer: DnsAnswer): { text: string; failed: boolean } {
  if (answer.rcode !== 'NOERROR') return { text: `** server can't find ${name}: ${answer.rcode}\n\n`, failed: true };
  const head = answer.authoritative ? '' : 'Non-authoritative answer:\n';
  return { text: `${head}${answer.answers.map(recordText).join('')}\n`, failed: false };
}

export function busyboxNslookup(env: DnsEnvironment, options: BusyboxNslookupOptions): Program {
  return async (ctx: ProgramContext): Promise<CommandResult> => {
    const args = ctx.argv.slice(1);
    const types = new Set<QueryType>();
    while (args.length > 0 && args[0].startsWith('-')) {
      const [option, value = ''] = args.shift()!.slice(1).split(/=(.*)/s);
      // An exact option name wins, else the first one it begins (libbb index_in_substrings): -q is -querytype.
      const exact = OPTIONS.indexOf(option);
      const index = exact >= 0 ? exact : option === '' ? -1 : OPTIONS.findIndex((o) => o.startsWith(option));
      if (index < 0) return { stdout: '', stderr: usage(options.banner), exitCode: 1 };
      if (index <= 1) {
        const type = QTYPES.find((t) => t.toLowerCase() === value.toLowerCase());
        if (!type) return { stdout: '', stderr: `nslookup: invalid query type "${value}"\n`, exitCode: 1 };
        types.add(type);
      }
    }
    if (args.length === 0 || args.length > 2) return { stdout: '', stderr: usage(options.banner), exitCode: 1 };
    const [host, serverArg] = args;
    const conf = parseResolvConf(env.resolvConf());

    const questions: { type: QueryType; name: string }[] = [];
    const addQuestion = (type: QueryType, name: string) => {
      if (type === 'PTR' || conf.search.length === 0 || name.includes('.')) {
        questions.push({ type, name });
        return;
      }
      for (const domain of conf.search) questions.push({ type, name: `${name}.${domain}` });
    };
    if (types.size === 0) {
      const ptr = isIP(host) !== 0 ? reverseName(host) : undefined;
      if (ptr) addQuestion('PTR', relativeName(ptr));
      else for (const type of ['A', 'AAAA'] as const) addQuestion(type, host);
    } else {
      for (const type of QTYPES) if (types.has(type)) addQuestion(type, host);
    }

    const servers = serverArg ? [serverArg] : conf.nameservers.length > 0 ? conf.nameservers : ['127.0.0.1'];
    const sent: SentQuery[] = [];
    const request = ['nslookup', ...ctx.argv.slice(1)].join(' ');
    let stdout = '';
    let exitCode = 0;
    for (const server of servers) {
      const replies = questions.map((q) => env.query(server, q.name, q.type));
      replies.forEach((reply, i) =>
        sent.push({
          server,
          name: `${questions[i].name}.`,
          type: questions[i].type,
          outcome: reply === 'timeout' ? 'timeout' : reply.rcode,
          records: reply === 'timeout' ? [] : describeRecords(reply),
          answer: reply === 'timeout' ? undefined : reply,
        }),
      );
      if (replies.every((r) => r === 'timeout')) {
        await ctx.sleep(TIMEOUT_SECONDS);
        continue;
      }
      stdout += `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
      // With shared ids only the first reply to arrive is matched, to the first question.
      const matched = replies.map((reply, i) => (options.build === 'uclibc' && i > 0 ? 'timeout' : reply));
      matched.forEach((reply, i) => {
        if (reply === 'timeout') return;
        const { text, failed } = replyText(questions[i].name, reply);
        stdout += text;
        if (failed) exitCode = 1;
      });
      const unanswered = matched.map((r, i) => (r === 'timeout' ? questions[i].name : undefined)).filter((n) => n !== undefined);
      if (unanswered.length > 0) {
        await ctx.sleep(TIMEOUT_SECONDS);
        stdout += unanswered.map((n) => `*** Can't find ${n}: No answer\n`).join('') + '\n';
      }
      const found = matched.some((r) => r !== 'timeout' && r.answers.length > 0);
      const failure = exitCode === 0 ? undefined : `${host} not found`;
      const trace = dnsTrace(request, env, sent, { ok: found, answer: found ? `${host} resolved` : `${host} not resolved`, failure });
      return { stdout, stderr: '', exitCode, traces: [trace] };
    }
    stdout += ';; connection timed out; no servers could be reached\n\n';
    const trace = dnsTrace(request, env, sent, { ok: false, answer: 'no reply', failure: `no DNS server answered (${servers.join(', ')})` });
    return { stdout, stderr: '', exitCode: 1, traces: [trace] };
  };
}
