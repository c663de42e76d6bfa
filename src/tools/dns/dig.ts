/**
 * BIND's dig (bin/dig/dig.c, dighost.c). The command line is dig-options.ts.
 * The full output was checked against dig 9.18.49 on this machine querying
 * these answers: the `; <<>> DiG` banner (with `; (1 server found)` when an
 * @server came before the name), `;; ->>HEADER<<-` with flags (`qr aa rd` and
 * `;; WARNING: recursion requested but not available` for CoreDNS's cluster
 * answers, `qr rd ra` for forwarded ones), the `.local is reserved for
 * Multicast DNS` warning for names under .local, the OPT pseudosection (udp 1232
 * and the client cookie CoreDNS echoes), the sections in BIND's column layout
 * (record-text.ts), `Query time`, `SERVER`, `WHEN`, `MSG SIZE  rcvd` (CoreDNS
 * sends uncompressed messages).
 *
 * What is printed follows dig.c printmessage and received: the banner when
 * +cmd; the header, a blank line and the OPT pseudosection when +comments; each
 * non-empty section asked for, titled and followed by a blank line when
 * +comments, its bare lines otherwise (the question line keeps its `;`); the
 * statistics and a blank line when +stats; with +short only the answers' data
 * (testdata/dig-9.18/ holds the outputs of each combination).
 *
 * dig 9.9 (tutum/dnsutils) prints no mDNS warning and no cookie, advertises
 * udp 4096 and no `(UDP)` after the server (dig 9.10 output in public reports);
 * UNCONFIRMED against a 9.9 binary. Exit status 0 on any reply, 9 when no server
 * answers. With +search only the last reply of the search walk is printed.
 */
import { isIP } from 'node:net';
import type { DnsAnswer, ResourceRecord } from '../../coredns/dns-message.ts';
import { labels } from '../../coredns/dns-name.ts';
import { parseResolvConf } from '../../coredns/resolv-conf.ts';
import { describeRecords, type SentQuery } from '../../coredns/stub-resolver.ts';
import { DEFAULT_EPOCH_MS } from '../../clock/virtual-clock.ts';
import type { CommandResult, Program, ProgramContext } from '../../shell/types.ts';
import type { BindVersion } from './nslookup-bind.ts';
import type { DnsEnvironment } from './dns-environment.ts';
import { dnsTrace } from './dns-trace.ts';
import { dighostCandidates } from './dighost-search.ts';
import { parseDigArgs } from './dig-options.ts';
import { questionLine, rdataText, recordLine } from './record-text.ts';

export interface DigOptions {
  version: BindVersion;
  /** The version in the banner, e.g. `9.18.49-1~deb12u3-Debian`. */
  banner: string;
}

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

/** One section as dig.c printmessage prints it: nothing when empty; titled and followed by a blank line with +comments. */
function section(title: string, records: ResourceRecord[], comments: boolean): string {
  if (records.length === 0) return '';
  const lines = records.map((r) => `${recordLine(r)}\n`).join('');
  return comments ? `;; ${title} SECTION:\n${lines}\n` : lines;
}

export function dig(env: DnsEnvironment, options: DigOptions): Program {
  return async (ctx: ProgramContext): Promise<CommandResult> => {
    const args = ctx.argv.slice(1);
    const cmd = parseDigArgs(args, options.banner);
    const { name, type, display, short } = cmd;
    const conf = parseResolvConf(env.resolvConf());
    const server = cmd.server ?? conf.nameservers[0] ?? '127.0.0.1';
    const request = ['dig', ...args].join(' ');
    const sent: SentQuery[] = [];

    let answer: DnsAnswer | 'timeout' = 'timeout';
    let asked = name;
    for (const candidate of isIP(name) ? [`${name}.`] : dighostCandidates(name, conf, cmd.search)) {
      asked = candidate;
      answer = env.query(server, candidate, type);
      sent.push({ server, name: candidate, type, outcome: answer === 'timeout' ? 'timeout' : answer.rcode, records: answer === 'timeout' ? [] : describeRecords(answer) });
      if (answer === 'timeout' || answer.rcode !== 'NXDOMAIN') break;
    }
    const greeting = cmd.greeting ?? '';
    if (answer === 'timeout') {
      await ctx.sleep(cmd.timeoutSeconds * cmd.tries);
      // dighost.c prints the greeting whenever it was built, whatever +short or +nocmd came after the name.
      const stdout =
        options.version === '9.9'
          ? `${greeting};; connection timed out; no servers could be reached\n`
          : `${`;; communications error to ${server}#53: timed out\n`.repeat(cmd.tries)}${greeting};; no servers could be reached\n`;
      const trace = dnsTrace(request, env, sent, { ok: false, answer: 'no reply', failure: `${server} did not answer` });
      return { stdout, stderr: '', exitCode: 9, traces: [trace] };
    }
    const ok = answer.answers.length > 0;
    const trace = dnsTrace(request, env, sent, { ok, answer: `${asked} ${answer.rcode}`, failure: ok ? undefined : `${asked} ${answer.rcode}` });
    if (short) {
      const data = display.answer ? answer.answers.map((r) => `${rdataText(r)}\n`).join('') : '';
      return { stdout: data, stderr: '', exitCode: 0, traces: [trace] };
    }

    const modern = options.version === '9.18';
    let out = cmd.printcmd ? greeting : '';
    if (display.comments) {
      const seed = env.random;
      const id = seed ? seed.int(0, 0xffff) : hashOf(`${asked} ${type}`);
      const cookie = seed ? seed.string('0123456789abcdef', 16) : (hashOf(asked).toString(16) + hashOf(type).toString(16) + hashOf(server).toString(16) + '0000').slice(0, 16).padEnd(16, '0');
      const flags = ['qr', answer.authoritative ? 'aa' : '', 'rd', answer.recursionAvailable ? 'ra' : ''].filter(Boolean).join(' ');
      out += ';; Got answer:\n';
      if (modern && (asked.endsWith('.local.') || asked === 'local.')) {
        out += ';; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n';
      }
      out += `;; ->>HEADER<<- opcode: QUERY, status: ${answer.rcode}, id: ${id}\n`;
      out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${answer.answers.length}, AUTHORITY: ${answer.authority.length}, ADDITIONAL: ${answer.additional.length + 1}\n`;
      if (!answer.recursionAvailable) out += ';; WARNING: recursion requested but not available\n';
      out += '\n;; OPT PSEUDOSECTION:\n';
      out += modern ? `; EDNS: version: 0, flags:; udp: 1232\n; COOKIE: ${cookie} (echoed)\n` : '; EDNS: version: 0, flags:; udp: 4096\n';
    }
    if (display.question) out += display.comments ? `;; QUESTION SECTION:\n${questionLine(asked, type)}\n\n` : `${questionLine(asked, type)}\n`;
    if (display.answer) out += section('ANSWER', answer.answers, display.comments);
    if (display.authority) out += section('AUTHORITY', answer.authority, display.comments);
    if (display.additional) out += section('ADDITIONAL', answer.additional, display.comments);
    if (display.stats) {
      out += ';; Query time: 0 msec\n';
      out += `;; SERVER: ${server}#53(${server})${modern ? ' (UDP)' : ''}\n`;
      out += `;; WHEN: ${whenText(env.now?.() ?? DEFAULT_EPOCH_MS)}\n`;
      out += `;; MSG SIZE  rcvd: ${messageSize(asked, answer, modern ? 23 : 11)}\n\n`;
    }
    return { stdout: out, stderr: '', exitCode: 0, traces: [trace] };
  };
}
