/**
 * BIND's dig (bin/dig/dig.c, dighost.c): `dig [@server] [-t type] [-x addr]
 * [+short] [+search] [+noall +answer] name [type]`. The full output was checked
 * against dig 9.18.49 on this machine querying these answers: the `; <<>> DiG`
 * banner, `;; ->>HEADER<<-` with flags (`qr aa rd` and `;; WARNING: recursion
 * requested but not available` for CoreDNS's cluster answers, `qr rd ra` for
 * forwarded ones), the `.local is reserved for Multicast DNS` warning for names
 * under .local, the OPT pseudosection (udp 1232 and the client cookie CoreDNS
 * echoes), the sections in BIND's column layout (record-text.ts), `Query time`,
 * `SERVER`, `WHEN`, `MSG SIZE  rcvd` (CoreDNS sends uncompressed messages).
 * dig 9.9 (tutum/dnsutils) prints no mDNS warning and no cookie, advertises
 * udp 4096 and no `(UDP)` after the server (dig 9.10 output in public reports);
 * UNCONFIRMED against a 9.9 binary. Exit status 0 on any reply, 9 when no server
 * answers. With +search only the last reply of the search walk is printed.
 */
import { isIP } from 'node:net';
import type { DnsAnswer, QueryType, ResourceRecord } from '../../coredns/dns-message.ts';
import { QUERY_TYPES } from '../../coredns/dns-message.ts';
import { labels, reverseName } from '../../coredns/dns-name.ts';
import { parseResolvConf } from '../../coredns/resolv-conf.ts';
import { describeRecords, type SentQuery } from '../../coredns/stub-resolver.ts';
import { DEFAULT_EPOCH_MS } from '../../clock/virtual-clock.ts';
import type { CommandResult, Program, ProgramContext } from '../../shell/types.ts';
import type { BindVersion } from './nslookup-bind.ts';
import type { DnsEnvironment } from './dns-environment.ts';
import { dnsTrace } from './dns-trace.ts';
import { dighostCandidates } from './dighost-search.ts';
import { questionLine, rdataText, recordLine } from './record-text.ts';

export interface DigOptions {
  version: BindVersion;
  /** The version in the banner, e.g. `9.18.49-1~deb12u3-Debian`. */
  banner: string;
}

const TIMEOUT_SECONDS = 5;
const TRIES = 3;

function nameLength(name: string): number {
  return labels(name).reduce((sum, label) => sum + label.length + 1, 0) + 1;
}

function rdataLength(record: ResourceRecord): number {
  switch (record.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return nameLength(record.target);
    case 'SRV':
      return 6 + nameLength(record.target);
    case 'TXT':
      return record.text.reduce((sum, t) => sum + 1 + t.length, 0);
    case 'SOA':
      return nameLength(record.mname) + nameLength(record.rname) + 20;
  }
}

/** The reply's size on the wire, uncompressed, with the OPT record. */
function messageSize(name: string, answer: DnsAnswer, optSize: number): number {
  const records = [...answer.answers, ...answer.authority, ...answer.additional];
  return 12 + nameLength(name) + 4 + records.reduce((sum, r) => sum + nameLength(r.name) + 10 + rdataLength(r), 0) + optSize;
}

/** `Thu Jan 01 00:00:00 UTC 2026`, as dig prints ;; WHEN: in a UTC container. */
function whenText(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** A stable stand-in for a random 16-bit value when no random stream is given. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) & 0xffff;
}

function section(title: string, records: ResourceRecord[]): string {
  if (records.length === 0) return '';
  return `;; ${title} SECTION:\n${records.map(recordLine).join('\n')}\n\n`;
}

export function dig(env: DnsEnvironment, options: DigOptions): Program {
  return async (ctx: ProgramContext): Promise<CommandResult> => {
    const args = ctx.argv.slice(1);
    let server: string | undefined;
    let type: QueryType | undefined;
    let name: string | undefined;
    let short = false;
    let search = false;
    let answerOnly = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg.startsWith('@')) server = arg.slice(1);
      else if (arg === '-t') {
        const value = (args[++i] ?? '').toUpperCase();
        type = QUERY_TYPES.find((t) => t === value) ?? type;
      }
      else if (arg === '-x') {
        name = reverseName(args[++i] ?? '') ?? args[i];
        type = 'PTR';
      } else if (arg === '+short') short = true;
      else if (arg === '+search') search = true;
      else if (arg === '+nosearch') search = false;
      else if (arg === '+noall') answerOnly = true;
      else if (arg.startsWith('+') || arg.startsWith('-')) continue;
      // A bare type name is the type wherever it stands (dig.c parse_args).
      else if (QUERY_TYPES.includes(arg.toUpperCase() as QueryType)) type = arg.toUpperCase() as QueryType;
      else name = arg;
    }
    if (name === undefined) {
      name = '.';
      type ??= 'NS';
    }
    type ??= 'A';
    const conf = parseResolvConf(env.resolvConf());
    server ??= conf.nameservers[0] ?? '127.0.0.1';
    const request = ['dig', ...args].join(' ');
    const sent: SentQuery[] = [];

    let answer: DnsAnswer | 'timeout' = 'timeout';
    let asked = name;
    for (const candidate of isIP(name) ? [`${name}.`] : dighostCandidates(name, conf, search)) {
      asked = candidate;
      answer = env.query(server, candidate, type);
      sent.push({ server, name: candidate, type, outcome: answer === 'timeout' ? 'timeout' : answer.rcode, records: answer === 'timeout' ? [] : describeRecords(answer) });
      if (answer === 'timeout' || answer.rcode !== 'NXDOMAIN') break;
    }
    const banner = `\n; <<>> DiG ${options.banner} <<>> ${args.join(' ')}\n;; global options: +cmd\n`;
    if (answer === 'timeout') {
      await ctx.sleep(TIMEOUT_SECONDS * TRIES);
      const stdout =
        options.version === '9.9'
          ? `${banner};; connection timed out; no servers could be reached\n`
          : `${`;; communications error to ${server}#53: timed out\n`.repeat(TRIES)}${banner};; no servers could be reached\n`;
      const trace = dnsTrace(request, env, sent, { ok: false, answer: 'no reply', failure: `${server} did not answer` });
      return { stdout: short ? '' : stdout, stderr: '', exitCode: 9, traces: [trace] };
    }
    const ok = answer.answers.length > 0;
    const trace = dnsTrace(request, env, sent, { ok, answer: `${asked} ${answer.rcode}`, failure: ok ? undefined : `${asked} ${answer.rcode}` });
    if (short) return { stdout: answer.answers.map((r) => `${rdataText(r)}\n`).join(''), stderr: '', exitCode: 0, traces: [trace] };
    if (answerOnly) return { stdout: answer.answers.map((r) => `${recordLine(r)}\n`).join(''), stderr: '', exitCode: 0, traces: [trace] };

    const modern = options.version === '9.18';
    const seed = env.random;
    const id = seed ? seed.int(0, 0xffff) : hashOf(`${asked} ${type}`);
    const cookie = seed ? seed.string('0123456789abcdef', 16) : (hashOf(asked).toString(16) + hashOf(type).toString(16) + hashOf(server).toString(16) + '0000').slice(0, 16).padEnd(16, '0');
    const flags = ['qr', answer.authoritative ? 'aa' : '', 'rd', answer.recursionAvailable ? 'ra' : ''].filter(Boolean).join(' ');
    let out = banner + ';; Got answer:\n';
    if (modern && (asked.endsWith('.local.') || asked === 'local.')) {
      out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
    }
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${answer.rcode}, id: ${id}\n`;
    out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${answer.answers.length}, AUTHORITY: ${answer.authority.length}, ADDITIONAL: ${answer.additional.length + 1}\n`;
    if (!answer.recursionAvailable) out += ';; WARNING: recursion requested but not available\n';
    out += '\n;; OPT PSEUDOSECTION:\n';
    out += modern ? `; EDNS: version: 0, flags:; udp: 1232\n; COOKIE: ${cookie} (echoed)\n` : '; EDNS: version: 0, flags:; udp: 4096\n';
    out += `;; QUESTION SECTION:\n${questionLine(asked, type)}\n\n`;
    out += section('ANSWER', answer.answers) + section('AUTHORITY', answer.authority) + section('ADDITIONAL', answer.additional);
    out += ';; Query time: 0 msec\n';
    out += `;; SERVER: ${server}#53(${server})${modern ? ' (UDP)' : ''}\n`;
    out += `;; WHEN: ${whenText(env.now?.() ?? DEFAULT_EPOCH_MS)}\n`;
    out += `;; MSG SIZE  rcvd: ${messageSize(asked, answer, modern ? 23 : 11)}\n\n`;
    return { stdout: out, stderr: '', exitCode: 0, traces: [trace] };
  };
}
