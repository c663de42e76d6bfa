/**
 * busybox wget (networking/wget.c and libbb/progress.c, busybox 1.3x): the
 * body to a file named after the URL (`index.html` for `/`), to FILE with
 * -O, to stdout with `-O -`; messages on stderr — `Connecting to HOST
 * (IP:PORT)`, `saving to 'F'`, the progress bar (its last state only, as
 * stderr is not a terminal), `'F' saved` — and the errors `wget: bad address
 * 'x'`, `wget: server returned error: HTTP/1.1 404 Not Found`,
 * `wget: can't connect to remote host (IP): Connection refused`. Every
 * failure exits 1. Checked against busybox 1.35.0 on this machine
 * (testdata/busybox-wget-1.35.0.txt). -T limits the connection wait
 * (`wget: download timed out`); without it the kernel's SYN retries end it.
 */
import { byteLength, type HttpResponse } from '../../images/servers/http.ts';
import type { PlaceNetwork } from '../../network/place-network.ts';
import type { CommandResult, Program, ProgramContext } from '../../shell/types.ts';
import type { Hop, Trace } from '../../trace/trace.ts';
import { KERNEL_SYN_TIMEOUT_MS } from './curl-messages.ts';
import { hostHeader, parseRequestUrl, resolveLocation, type RequestUrl } from './request-url.ts';

export interface WgetPlace {
  network: PlaceNetwork;
  /** The applet's banner line of its usage text. */
  banner: string;
}

interface WgetOptions {
  quiet: boolean;
  output?: string;
  spider: boolean;
  timeoutSeconds?: number;
  serverResponse: boolean;
  userAgent: string;
  headers: [string, string][];
  url?: string;
}

/** Redirects busybox follows before `too many redirections` (wget.c: 5). */
const MAX_REDIRECTS = 5;

function usage(banner: string): string {
  return `${banner}\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n\n\t--spider\tOnly check URL existence: $? is 0 if exists\n\t--header STR\tAdd STR (of form 'header: value') to headers\n\t--post-data STR\tSend STR using POST method\n\t--post-file FILE\tSend FILE using POST method\n\t-c\t\tContinue retrieval of aborted transfer\n\t-q\t\tQuiet\n\t-P DIR\t\tSave to DIR (default .)\n\t-S    \t\tShow server response\n\t-T SEC\t\tNetwork read timeout is SEC seconds\n\t-O FILE\t\tSave to FILE ('-' for stdout)\n\t-o LOGFILE\tLog messages to FILE\n\t-U STR\t\tUse STR for User-Agent header\n\t-Y on/off\tUse proxy\n`;
}

function parse(args: string[]): WgetOptions | { error: string } {
  const o: WgetOptions = { quiet: false, spider: false, serverResponse: false, userAgent: 'Wget', headers: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (i + 1 < args.length ? args[++i] : undefined);
    if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (a === '--spider') o.spider = true;
    else if (a === '-S' || a === '--server-response') o.serverResponse = true;
    else if (a === '-O' || a === '--output-document') o.output = value();
    else if (a.startsWith('-O') && a.length > 2) o.output = a.slice(2);
    else if (a === '-T' || a === '--timeout') o.timeoutSeconds = Number(value());
    else if (a.startsWith('-T') && a.length > 2) o.timeoutSeconds = Number(a.slice(2));
    else if (a === '-U' || a === '--user-agent') o.userAgent = value() ?? 'Wget';
    else if (a === '--header') {
      const h = value() ?? '';
      const colon = h.indexOf(':');
      if (colon > 0) o.headers.push([h.slice(0, colon).trim(), h.slice(colon + 1).trim()]);
    } else if (a.startsWith('--')) return { error: `unrecognized option '${a}'` };
    else if (a.startsWith('-') && a !== '-') {
      // getopt bundles short options: `-qO-` is -q then -O with the argument '-' (wget.c's getopt32 string).
      const bad = parseShortCluster(a, o, value);
      if (bad) return { error: bad };
    } else o.url = a;
  }
  return o;
}

/**
 * One bundle of short options (`-qS`, `-qO-`, `-T5`): flags until an option
 * that takes an argument, which takes the rest of the bundle or the next word.
 * Returns getopt's complaint, or undefined when the bundle parsed.
 */
function parseShortCluster(a: string, o: WgetOptions, next: () => string | undefined): string | undefined {
  for (let j = 1; j < a.length; j++) {
    const c = a[j];
    if (c === 'q') o.quiet = true;
    else if (c === 'S') o.serverResponse = true;
    else if (c === 'O' || c === 'T' || c === 'U') {
      const arg = j + 1 < a.length ? a.slice(j + 1) : next();
      if (arg === undefined) return `option requires an argument -- '${c}'`;
      if (c === 'O') o.output = arg;
      else if (c === 'T') o.timeoutSeconds = Number(arg);
      else o.userAgent = arg;
      return undefined;
    } else return `invalid option -- '${c}'`;
  }
  return undefined;
}

/** libbb/progress.c's final line: name in 20 columns, percent, a 32-star bar, size, ETA. */
export function progressLine(name: string, bytes: number): string {
  const shown = name.length > 20 ? name.slice(0, 20) : name.padEnd(20);
  return `${shown} 100% |${'*'.repeat(32)}|${String(bytes).padStart(6)}  0:00:00 ETA\n`;
}

function defaultName(url: RequestUrl): string {
  const path = url.target.split('?')[0];
  return path.slice(path.lastIndexOf('/') + 1) || 'index.html';
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1) || path;
}

export function busyboxWget(place: (ctx: ProgramContext) => WgetPlace): Program {
  return async (ctx): Promise<CommandResult> => {
    const where = place(ctx);
    const parsed = parse(ctx.argv.slice(1));
    if ('error' in parsed) return { stdout: '', stderr: `wget: ${parsed.error}\n${usage(where.banner)}`, exitCode: 1 };
    const o = parsed;
    if (!o.url) return { stdout: '', stderr: usage(where.banner), exitCode: 1 };
    const network = where.network;
    const hops: Hop[] = [{ kind: 'client', label: network.source.ip, detail: `${network.from} runs busybox wget` }];
    const request = `wget ${ctx.argv.slice(1).join(' ')}`;
    let stdout = '';
    let stderr = '';
    const say = (line: string) => {
      if (!o.quiet) stderr += line;
    };
    const finish = (exitCode: number, failure?: string): CommandResult => {
      if (failure) hops.push({ kind: 'error', label: 'wget', detail: failure });
      const trace: Trace = { request, from: network.from, hops, ok: exitCode === 0, failure };
      return { stdout, stderr, exitCode, traces: [trace] };
    };
    const error = (message: string, failure: string) => {
      stderr += `wget: ${message}\n`;
      return finish(1, failure);
    };

    const first = parseRequestUrl(o.url);
    if (!first.ok) return error(first.error === 'unsupported-scheme' ? `not an http or ftp url: ${o.url}` : `bad address '${o.url}'`, `bad URL ${o.url}`);
    let url = first.url;
    let connectedTo: string | undefined;
    for (let redirects = 0; ; redirects++) {
      const resolution = network.resolve(url.host, ctx.fs);
      hops.push(...resolution.hops);
      if (resolution.waitedSeconds > 0) await ctx.sleep(resolution.waitedSeconds);
      if (resolution.status !== 'found' || resolution.addresses.length === 0) return error(`bad address '${url.host}'`, `${url.host} did not resolve (${resolution.status})`);
      const ip = resolution.addresses[0];
      const authority = url.explicitPort ? `${url.host}:${url.port}` : url.host;
      if (connectedTo !== `${ip}:${url.port}`) say(`Connecting to ${authority} (${ip}:${url.port})\n`);
      connectedTo = `${ip}:${url.port}`;
      const outcome = network.connect({ ip, port: url.port, protocol: 'TCP' });
      hops.push(...outcome.hops.filter((h) => h.kind !== 'client'));
      if (outcome.kind === 'refused') return error(`can't connect to remote host (${ip}): Connection refused`, outcome.reason);
      if (outcome.kind === 'timeout') {
        if (o.timeoutSeconds !== undefined && o.timeoutSeconds * 1000 < KERNEL_SYN_TIMEOUT_MS) {
          await ctx.sleep(o.timeoutSeconds);
          return error('download timed out', outcome.reason);
        }
        await ctx.sleep(KERNEL_SYN_TIMEOUT_MS / 1000);
        return error(`can't connect to remote host (${ip}): Connection timed out`, outcome.reason);
      }
      if (url.scheme === 'https') {
        // busybox's own TLS code does not check certificates and says so.
        stderr += 'wget: note: TLS certificate validation not implemented\n';
        if (!outcome.server.speaksTls) {
          outcome.finish();
          return error('error getting response: Connection reset by peer', `${url.host}:${url.port} speaks no TLS`);
        }
      }
      const headers: [string, string][] = [['Host', hostHeader(url)], ['User-Agent', o.userAgent], ...o.headers, ['Connection', 'close']];
      const served = network.exchange(outcome, { method: o.spider ? 'HEAD' : 'GET', target: url.target, headers, scheme: url.scheme });
      if (served.kind === 'no-response') return error('error getting response', served.detail);
      hops.push(...served.hops);
      const response = served.response;
      hops.push({ kind: 'answer', label: String(response.status), detail: `HTTP/1.1 ${response.status} ${response.reason}` });
      if (o.serverResponse) say(serverResponse(response));
      const location = response.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
      if ([301, 302, 303, 307, 308].includes(response.status) && location !== undefined) {
        if (redirects >= MAX_REDIRECTS) return error('too many redirections', 'redirect loop');
        const next = resolveLocation(url, location);
        if (!next.ok) return error(`bad address '${location}'`, `bad Location ${location}`);
        url = next.url;
        continue;
      }
      if (response.status >= 400 || response.status < 200) return error(`server returned error: HTTP/1.1 ${response.status} ${response.reason}`, `the server answered ${response.status}`);
      if (o.spider) {
        say('remote file exists\n');
        return finish(0);
      }
      const body = response.body;
      const size = byteLength(body);
      if (o.output === '-') {
        say('writing to stdout\n');
        stdout += body;
        say(progressLine('-', size));
        say('written to stdout\n');
        return finish(0);
      }
      const name = o.output ?? defaultName(url);
      const path = ctx.fs.resolve(ctx.cwd, name);
      if (o.output === undefined && ctx.fs.exists(path)) return error(`can't open '${name}': File exists`, `${name} exists`);
      say(`saving to '${name}'\n`);
      try {
        ctx.fs.writeFile(path, body);
      } catch {
        return error(`can't open '${name}': No such file or directory`, `cannot write ${name}`);
      }
      say(progressLine(basename(name), size));
      say(`'${name}' saved\n`);
      return finish(0);
    }
  };
}

/** -S: the status line and headers, each indented by two spaces, then an indented empty line. */
function serverResponse(response: HttpResponse): string {
  const lines = [`HTTP/1.1 ${response.status} ${response.reason}`, ...response.headers.map(([k, v]) => `${k}: ${v}`), ''];
  return lines.map((l) => `  ${l}\n`).join('');
}
