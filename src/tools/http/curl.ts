/**
 * curl as the images ship it (curl-builds.ts): the transfer of one or more
 * http(s) URLs over the cluster network of the place it runs in, with the
 * output of the real tool — the body on stdout (or -o FILE), -i/-I headers,
 * -v lines and the progress meter on stderr, `curl: (N) ...` errors and exit
 * codes 1, 2, 3, 6, 7, 22, 23, 28, 35, 52, 60, 77 (libcurl's CURLcode), -w.
 *
 * Header lines in -v and -i carry their CR as the real tool prints them.
 * The progress meter is printed when curl is not silent and stdout is not a
 * terminal; a terminal is recognised by TERM in the environment (what
 * `kubectl exec -t` sets), the only hint the shell gives a program.
 * Every run returns its request trace.
 */
import { byteLength, type HttpResponse } from '../../images/servers/http.ts';
import type { PlaceNetwork } from '../../network/place-network.ts';
import type { CommandResult, Program, ProgramContext } from '../../shell/types.ts';
import type { Hop, Trace } from '../../trace/trace.ts';
import type { CurlBuild } from './curl-builds.ts';
import { curlMessages, KERNEL_SYN_TIMEOUT_MS } from './curl-messages.ts';
import { CURL_HELP_HINT, parseCurlOptions, type CurlOptions } from './curl-options.ts';
import { curlTlsHandshake } from './curl-tls.ts';
import { ProgressMeter } from './progress-meter.ts';
import { formatUrl, hostHeader, parseRequestUrl, resolveLocation, type RequestUrl } from './request-url.ts';
import { formatWriteOut, type TransferFacts } from './write-out.ts';

/** Where curl runs: the network of its place and the build of its image. */
export interface CurlPlace {
  network: PlaceNetwork;
  build: CurlBuild;
}

const CRLF = '\r\n';
/** Redirects curl follows with -L before giving up (CURLOPT_MAXREDIRS default of the tool: 50). */
const MAX_REDIRECTS = 50;

interface Run {
  ctx: ProgramContext;
  place: CurlPlace;
  o: CurlOptions;
  build: CurlBuild;
  stdout: string;
  stderr: string;
  /** stderr is not a terminal: -v shows data lines. */
  showData: boolean;
  meter: ProgressMeter;
  hops: Hop[];
  facts: TransferFacts;
  elapsedMs: number;
}

type Step = { ok: true } | { ok: false; code: number; message: string; trailer?: string; failure: string };

export function curlProgram(place: (ctx: ProgramContext) => CurlPlace): Program {
  return async (ctx) => {
    const parsed = parseCurlOptions(ctx.argv.slice(1));
    if (!parsed.ok) return { stdout: '', stderr: `curl: ${parsed.message}\n${CURL_HELP_HINT}`, exitCode: 2 };
    const o = parsed.options;
    if (o.urls.length === 0) return { stdout: '', stderr: CURL_HELP_HINT, exitCode: 2 };
    const where = place(ctx);
    const result: CommandResult = { stdout: '', stderr: '', exitCode: 0, traces: [] };
    for (const url of o.urls) {
      const one = await transfer(ctx, where, o, url);
      result.stdout += one.stdout;
      result.stderr += one.stderr;
      result.exitCode = one.exitCode;
      result.traces!.push(...(one.traces ?? []));
    }
    return result;
  };
}

function terminal(ctx: ProgramContext): boolean {
  return ctx.env.has('TERM');
}

async function transfer(ctx: ProgramContext, place: CurlPlace, o: CurlOptions, rawUrl: string): Promise<CommandResult> {
  const build = place.build;
  const tty = terminal(ctx);
  const run: Run = {
    ctx,
    place,
    o,
    build,
    stdout: '',
    stderr: '',
    showData: !tty,
    meter: new ProgressMeter(!o.silent && (o.output !== undefined || o.remoteName || !tty)),
    hops: [{ kind: 'client', label: place.network.source.ip, detail: `${place.network.from} runs curl ${build.version}` }],
    facts: {
      httpCode: 0,
      remoteIP: '',
      remotePort: 0,
      localIP: '',
      localPort: 0,
      sizeDownload: 0,
      sizeHeader: 0,
      urlEffective: rawUrl,
      timeTotal: 0,
      timeConnect: 0,
      timeNameLookup: 0,
      numRedirects: 0,
      exitCode: 0,
      scheme: 'http',
      method: 'GET',
      sslVerifyResult: 0,
    },
    elapsedMs: 0,
  };
  const request = `curl ${ctx.argv.slice(1).join(' ')}`;
  const step = await perform(run, rawUrl);
  let exitCode = 0;
  if (!step.ok) {
    exitCode = step.code;
    if (!o.silent || o.showError) {
      run.stderr += `curl: (${step.code}) ${step.message}\n`;
      if (step.trailer) run.stderr += step.trailer;
    }
    run.hops.push({ kind: 'error', label: `curl (${step.code})`, detail: step.failure });
  }
  run.facts.exitCode = exitCode;
  if (o.writeOut !== undefined) {
    const { text, warnings } = formatWriteOut(o.writeOut, run.facts);
    run.stdout += text;
    run.stderr += warnings;
  }
  const trace: Trace = { request, from: place.network.from, hops: run.hops, ok: step.ok, failure: step.ok ? undefined : step.failure };
  return { stdout: run.stdout, stderr: run.stderr, exitCode, traces: [trace] };
}

function verbose(run: Run, lines: string[]): void {
  if (run.o.verbose) for (const line of lines) run.stderr += line + '\n';
}

function fail(code: number, message: string, failure: string, trailer?: string): Step {
  return { ok: false, code, message, failure, trailer };
}

/** --resolve entries: host:port -> address. */
function pinnedAddresses(o: CurlOptions): Map<string, string> {
  const pins = new Map<string, string>();
  for (const entry of o.resolve) {
    const [host, port, ...address] = entry.split(':');
    if (host && port && address.length) pins.set(`${host.toLowerCase()}:${port}`, address.join(':'));
  }
  return pins;
}

async function perform(run: Run, rawUrl: string): Promise<Step> {
  const { o, build } = run;
  let parsedUrl = parseRequestUrl(rawUrl);
  if (!parsedUrl.ok) {
    if (parsedUrl.error === 'unsupported-scheme') return fail(1, curlMessages.unsupportedProtocol(parsedUrl.scheme), `unsupported scheme ${parsedUrl.scheme}`);
    return fail(3, curlMessages.malformedUrl(), `malformed URL ${rawUrl}`);
  }
  let url = parsedUrl.url;
  const pins = pinnedAddresses(o);
  for (const entry of o.resolve) verbose(run, [curlMessages.addedToCache(entry)]);
  let connection = 0;
  let previous: { host: string; port: number; scheme: string } | undefined;
  for (let redirects = 0; ; redirects++) {
    run.facts.urlEffective = formatUrl(url);
    run.facts.scheme = url.scheme;
    const reused = previous !== undefined && previous.host === url.host && previous.port === url.port && previous.scheme === url.scheme;
    const result = await exchangeOnce(run, url, pins, connection, reused);
    if (!result.ok) return result;
    if (!result.redirect) return { ok: true };
    if (redirects >= MAX_REDIRECTS) return fail(47, `Maximum (${MAX_REDIRECTS}) redirects followed`, 'too many redirects');
    parsedUrl = resolveLocation(url, result.redirect);
    if (!parsedUrl.ok) return fail(3, curlMessages.malformedUrl(), `bad Location ${result.redirect}`);
    const next = parsedUrl.url;
    const reuse = next.host === url.host && next.port === url.port && next.scheme === url.scheme;
    verbose(run, curlMessages.followRedirect(build, formatUrl(next), next.host, reuse, connection));
    if (!reuse) connection++;
    previous = { host: url.host, port: url.port, scheme: url.scheme };
    url = next;
    run.facts.numRedirects++;
  }
}

type Exchange = { ok: true; redirect?: string } | Extract<Step, { ok: false }>;

async function exchangeOnce(run: Run, url: RequestUrl, pins: Map<string, string>, connection: number, reused: boolean): Promise<Exchange> {
  const { o, build, ctx } = run;
  const network = run.place.network;
  const full = formatUrl(url);
  const pinned = pins.get(`${url.host.toLowerCase()}:${url.port}`);

  // Name resolution.
  let addresses: string[];
  let viaDns = false;
  if (!reused) {
    // Old curl rebuilt a path-less URL while parsing it, before the transfer (and its meter) began.
    verbose(run, curlMessages.rebuiltUrl(build, { hadPath: url.hadPath, full }));
    if (pinned) verbose(run, curlMessages.beforeConnect(build, { host: url.host, port: url.port, hadPath: url.hadPath, full }, { addresses: [pinned], viaDns: false, pinned: true }));
    run.stderr += run.meter.start();
  }
  if (pinned) addresses = [pinned];
  else {
    if (build.era === 'legacy' && !reused) verbose(run, curlMessages.beforeConnect(build, { host: url.host, port: url.port, hadPath: url.hadPath, full }, { addresses: [], viaDns: false, pinned: false }));
    const resolution = network.resolve(url.host, ctx.fs);
    run.hops.push(...resolution.hops);
    if (resolution.waitedSeconds > 0) await wait(run, resolution.waitedSeconds * 1000);
    if (resolution.status !== 'found' || resolution.addresses.length === 0) {
      const message = curlMessages.resolveFailed(build, url.host);
      verbose(run, [`* ${message}`]);
      run.stderr += run.meter.finish({ total: 0, downloaded: 0, uploaded: 0, spentSeconds: run.elapsedMs / 1000, speed: 0 });
      verbose(run, [curlMessages.closing(build, connection)]);
      return fail(6, message, `${url.host} did not resolve (${resolution.status}) from ${network.from}`);
    }
    addresses = resolution.addresses;
    viaDns = resolution.source === 'dns';
    if (build.era !== 'legacy' && !reused) verbose(run, curlMessages.beforeConnect(build, { host: url.host, port: url.port, hadPath: url.hadPath, full }, { addresses, viaDns, pinned: false }));
  }
  const ip = addresses[0];
  run.facts.timeNameLookup = run.elapsedMs / 1000;
  run.facts.remoteIP = ip;
  run.facts.remotePort = url.port;

  // The connection.
  if (!reused) verbose(run, [curlMessages.trying(build, ip, url.port)]);
  const outcome = network.connect({ ip, port: url.port, protocol: 'TCP' });
  run.hops.push(...outcome.hops.filter((h) => h.kind !== 'client'));
  run.facts.localIP = outcome.local.ip;
  run.facts.localPort = outcome.local.port;
  if (outcome.kind === 'refused') {
    const { verbose: lines, error } = curlMessages.refused(build, url.host, ip, url.port, 0, outcome.local);
    verbose(run, lines);
    return failTransfer(run, connection, 7, error, outcome.reason);
  }
  if (outcome.kind === 'timeout') return timeoutTransfer(run, url, ip, connection, outcome.local, outcome.reason);
  run.facts.timeConnect = run.elapsedMs / 1000;
  if (!reused) verbose(run, [curlMessages.connected(build, url.host, ip, url.port, connection)]);

  // TLS.
  let afterRequest: string[] = [];
  if (url.scheme === 'https') {
    const caPath = o.caCert;
    const tls = await curlTlsHandshake({
      build,
      host: url.host,
      port: url.port,
      speaksTls: outcome.server.speaksTls,
      identity: outcome.server.speaksTls ? outcome.server.certificate(url.host) : undefined,
      insecure: o.insecure,
      caCert: caPath ? { path: caPath, pem: ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, caPath)) } : undefined,
      showData: run.showData,
      nowMs: network.now(),
    });
    verbose(run, tls.verbose);
    if (!tls.ok) {
      outcome.finish();
      run.hops.push({ kind: 'tls', label: `${url.host}:${url.port}`, detail: tls.error });
      return failTransfer(run, connection, tls.exitCode, tls.error, `TLS with ${url.host}:${url.port} failed: ${tls.error}`, tls.trailer);
    }
    afterRequest = tls.afterRequest;
    run.hops.push({ kind: 'tls', label: `${url.host}:${url.port}`, detail: o.insecure ? 'TLS established, certificate not verified (-k)' : 'TLS established, certificate verified' });
  } else if (outcome.server.speaksTls) {
    // A plain request to a TLS port: nginx answers 400 itself; other servers close the connection.
  }

  // The request.
  const method = o.method ?? (o.head ? 'HEAD' : o.data.length ? 'POST' : 'GET');
  run.facts.method = method;
  const body = o.data.length ? readData(ctx, o.data) : undefined;
  const headers = requestHeaders(run, url, body);
  verbose(run, [`> ${method} ${url.target} HTTP/1.1\r`, ...headers.map(([k, v]) => `> ${k}: ${v}\r`), '> \r']);
  if (body !== undefined && run.showData) verbose(run, [curlMessages.dataLine(build, 'out', byteLength(body))]);
  verbose(run, curlMessages.requestSent(build));
  const served = network.exchange(outcome, { method, target: url.target, headers, body, scheme: url.scheme });
  verbose(run, afterRequest);
  if (served.kind === 'no-response') {
    verbose(run, [`* ${curlMessages.emptyReply()}`]);
    return failTransfer(run, connection, 52, curlMessages.emptyReply(), served.detail);
  }
  run.hops.push(...served.hops);
  const response = served.response;
  return receive(run, url, response, connection, method);
}

function readData(ctx: ProgramContext, pieces: string[]): string {
  return pieces
    .map((p) => (p.startsWith('@') ? (ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, p.slice(1))) ?? '').replace(/[\r\n]/g, '') : p))
    .join('&');
}

/** curl's request headers (lib/http.c): Host, User-Agent, Accept, then -H headers in order; a -H header replaces the built-in one of its name. */
function requestHeaders(run: Run, url: RequestUrl, body: string | undefined): [string, string][] {
  const custom: [string, string][] = [];
  const removed = new Set<string>();
  for (const h of run.o.headers) {
    const colon = h.indexOf(':');
    if (colon < 0) continue;
    const name = h.slice(0, colon).trim();
    const value = h.slice(colon + 1).trim();
    if (value === '') removed.add(name.toLowerCase());
    else custom.push([name, value]);
  }
  const has = (name: string) => custom.some(([k]) => k.toLowerCase() === name);
  const host: [string, string] = [custom.find(([k]) => k.toLowerCase() === 'host')?.[0] ?? 'Host', custom.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? hostHeader(url)];
  const agent: [string, string] = ['User-Agent', run.o.userAgent ?? `curl/${run.build.version}`];
  const out: [string, string][] = [];
  if (curlMessages.userAgentFirst(run.build)) {
    if (!has('user-agent') && !removed.has('user-agent')) out.push(agent);
    if (!removed.has('host')) out.push(host);
  } else {
    if (!removed.has('host')) out.push(host);
    if (!has('user-agent') && !removed.has('user-agent')) out.push(agent);
  }
  if (!has('accept') && !removed.has('accept')) out.push(['Accept', '*/*']);
  out.push(...custom.filter(([k]) => k.toLowerCase() !== 'host'));
  if (body !== undefined) {
    if (!has('content-length')) out.push(['Content-Length', String(byteLength(body))]);
    if (!has('content-type')) out.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  return out;
}

function statusLine(response: HttpResponse): string {
  return `HTTP/1.1 ${response.status} ${response.reason}`;
}

function receive(run: Run, url: RequestUrl, response: HttpResponse, connection: number, method: string): Exchange {
  const { o, build, ctx } = run;
  run.facts.httpCode = response.status;
  run.facts.contentType = response.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  const headerLines = [statusLine(response), ...response.headers.map(([k, v]) => `${k}: ${v}`)];
  run.facts.sizeHeader = headerLines.reduce((n, l) => n + byteLength(l) + 2, 2);
  const contentLength = Number(response.headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1] ?? 0);
  run.hops.push({ kind: 'answer', label: `${response.status}`, detail: `${statusLine(response)} from ${url.host}` });
  if (o.fail && response.status >= 400) {
    verbose(run, headerLines.map((l) => `< ${l}\r`));
    const message = curlMessages.httpError(build, response.status, response.reason);
    verbose(run, [`* ${message}`]);
    run.stderr += run.meter.finish({ total: contentLength, downloaded: 0, uploaded: 0, spentSeconds: run.elapsedMs / 1000, speed: 0 });
    verbose(run, [curlMessages.closing(build, connection)]);
    return fail(22, message, `the server answered ${response.status} and --fail was given`);
  }
  verbose(run, [...headerLines.map((l) => `< ${l}\r`), '< \r']);
  const headerText = headerLines.map((l) => l + CRLF).join('') + CRLF;
  const location = response.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
  const redirect = o.location && location !== undefined && [301, 302, 303, 307, 308].includes(response.status);
  // curl resolves the Location of a 3xx it does not follow for -w %{redirect_url} (lib/http.c, Curl_http_readwrite_headers).
  const unfollowed = !redirect && location !== undefined && response.status >= 300 && response.status < 400 ? resolveLocation(url, location) : undefined;
  run.facts.redirectUrl = unfollowed?.ok ? formatUrl(unfollowed.url) : undefined;
  const body = method === 'HEAD' ? '' : response.body;
  if (o.head || o.include) run.stdout += headerText;
  if (redirect) {
    verbose(run, [curlMessages.leftIntact(url.host, connection)]);
    return { ok: true, redirect: location };
  }
  const bytes = byteLength(body);
  if (bytes > 0) verbose(run, run.showData ? [curlMessages.dataLine(build, 'in', bytes)] : []);
  run.facts.sizeDownload = bytes;
  // Transfers take a few hundred microseconds on a kind network.
  const speed = bytes > 0 ? Math.floor((bytes * 1000) / 2) : 0;
  run.stderr += run.meter.finish({ total: contentLength || bytes, downloaded: bytes, uploaded: 0, spentSeconds: run.elapsedMs / 1000, speed });
  const target = o.output ?? (o.remoteName ? remoteName(url) : undefined);
  if (target !== undefined && target !== '-') {
    try {
      ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, target), (o.head ? '' : body));
    } catch {
      verbose(run, [curlMessages.closing(build, connection)]);
      return fail(23, curlMessages.writeFailed(build, bytes), `cannot write ${target}`);
    }
  } else if (!o.head) run.stdout += body;
  verbose(run, [curlMessages.leftIntact(url.host, connection)]);
  return { ok: true };
}

function remoteName(url: RequestUrl): string {
  const path = url.target.split('?')[0];
  return path.slice(path.lastIndexOf('/') + 1) || 'index.html';
}

function failTransfer(run: Run, connection: number, code: number, message: string, failure: string, trailer?: string): Extract<Step, { ok: false }> {
  run.stderr += run.meter.finish({ total: 0, downloaded: 0, uploaded: 0, spentSeconds: run.elapsedMs / 1000, speed: 0 });
  verbose(run, [curlMessages.closing(run.build, connection)]);
  return { ok: false, code, message, failure, trailer };
}

/** Lets virtual time pass while curl waits, keeping its meter going. */
async function wait(run: Run, ms: number): Promise<void> {
  const before = run.elapsedMs;
  run.elapsedMs += ms;
  run.stderr += run.meter.waited(before / 1000, run.elapsedMs / 1000);
  await run.ctx.sleep(ms / 1000);
}

/** Nothing answered: curl's own limits (-m, --connect-timeout) or the kernel's SYN retries end the wait. */
async function timeoutTransfer(run: Run, url: RequestUrl, ip: string, connection: number, local: { ip: string; port: number }, reason: string): Promise<Extract<Step, { ok: false }>> {
  const { o, build } = run;
  const maxMs = o.maxTimeSeconds !== undefined && o.maxTimeSeconds > 0 ? o.maxTimeSeconds * 1000 : Infinity;
  const connectMs = o.connectTimeoutSeconds !== undefined && o.connectTimeoutSeconds > 0 ? o.connectTimeoutSeconds * 1000 : Infinity;
  const limit = Math.min(maxMs, connectMs, run.elapsedMs + KERNEL_SYN_TIMEOUT_MS);
  // curl notices its timeout on the next millisecond tick (recorded: -m 1 gives "after 1001 milliseconds").
  const reportedMs = Math.round(limit) + 1;
  await wait(run, Math.max(0, limit - run.elapsedMs));
  if (limit === maxMs && maxMs <= connectMs) {
    const message = curlMessages.maxTimeReached(reportedMs);
    verbose(run, [`* ${message}`]);
    return failTransfer(run, connection, 28, message, reason);
  }
  if (limit === connectMs) {
    const message = curlMessages.connectTimeoutReached(build, url.host, url.port, reportedMs);
    verbose(run, [`* ${message}`]);
    return failTransfer(run, connection, 28, message, reason);
  }
  const { verbose: lines, error } = curlMessages.kernelTimeout(build, url.host, ip, url.port, Math.round(limit), local);
  verbose(run, lines);
  return failTransfer(run, connection, 7, error, reason);
}
