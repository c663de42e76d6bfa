/**
 * The texts curl prints with -v and on errors, per generation (curl-builds.ts).
 * 7.88.1: every line below was checked with the real curl 7.88.1 on this
 * machine (testdata/README.md). 8.x: lib/connect.c, lib/cf-socket.c,
 * lib/multi.c and lib/strerror.c of curl 8.9 ("Could not connect to server",
 * the `from <ip> port <n>` of a failed connect, "Host ... was resolved",
 * `* Request completely sent off`, lower-case "closing connection #0").
 * Legacy 7.3x: lib/url.c and lib/connect.c of 7.35/7.38 ("Hostname was NOT
 * found in DNS cache", "Rebuilt URL to", `Trying <ip>...` without the port,
 * User-Agent before Host, "{ [data not shown]").
 */
import type { CurlBuild } from './curl-builds.ts';

/** True for builds older than 7.36, whose resolver error quoted the host ("Couldn't resolve host 'x'"). */
function quotesUnresolvedHost(build: CurlBuild): boolean {
  const [major, minor] = build.version.split('.').map(Number);
  return major === 7 && minor < 36;
}

export const curlMessages = {
  /** The failf() text of a name that did not resolve (exit 6). */
  resolveFailed(build: CurlBuild, host: string): string {
    return quotesUnresolvedHost(build) ? `Couldn't resolve host '${host}'` : `Could not resolve host: ${host}`;
  },

  /** -v lines before the connection attempt. */
  beforeConnect(build: CurlBuild, url: { host: string; port: number; hadPath: boolean; full: string }, resolved: { addresses: string[]; viaDns: boolean; pinned: boolean }): string[] {
    const lines: string[] = [];
    if (build.era === 'legacy') {
      lines.push(resolved.pinned ? '* Hostname was found in DNS cache' : '* Hostname was NOT found in DNS cache');
      return lines;
    }
    if (resolved.pinned) {
      lines.push(`* Hostname ${url.host} was found in DNS cache`);
      return lines;
    }
    if (build.era === '8' && resolved.viaDns) {
      lines.push(`* Host ${url.host}:${url.port} was resolved.`, '* IPv6: (none)', `* IPv4: ${resolved.addresses.join(', ')}`);
    }
    return lines;
  },

  /** Old curl completed a URL without a path while parsing it. */
  rebuiltUrl(build: CurlBuild, url: { hadPath: boolean; full: string }): string[] {
    return build.era === 'legacy' && !url.hadPath ? [`* Rebuilt URL to: ${url.full}`] : [];
  },

  /** `--resolve host:port:addr` announces itself before anything else. */
  addedToCache(entry: string): string {
    return `* Added ${entry} to DNS cache`;
  },

  trying(build: CurlBuild, ip: string, port: number): string {
    return build.era === 'legacy' ? `*   Trying ${ip}...` : `*   Trying ${ip}:${port}...`;
  },

  connected(build: CurlBuild, host: string, ip: string, port: number, connection: number): string {
    return build.era === '8' ? `* Connected to ${host} (${ip}) port ${port}` : `* Connected to ${host} (${ip}) port ${port} (#${connection})`;
  },

  /** -v lines and the error text of a refused connection. */
  refused(build: CurlBuild, host: string, ip: string, port: number, ms: number, local: { ip: string; port: number }): { verbose: string[]; error: string } {
    if (build.era === 'legacy') {
      const error = `Failed to connect to ${host} port ${port}: Connection refused`;
      return { verbose: [`* connect to ${ip} port ${port} failed: Connection refused`, `* ${error}`], error };
    }
    const attempt = build.era === '8' ? `* connect to ${ip} port ${port} from ${local.ip} port ${local.port} failed: Connection refused` : `* connect to ${ip} port ${port} failed: Connection refused`;
    const error = `Failed to connect to ${host} port ${port} after ${ms} ms: ${couldNotConnect(build)}`;
    return { verbose: [attempt, `* ${error}`], error };
  },

  /** The kernel gave up on the SYN retries (ETIMEDOUT) before curl's own timeouts. */
  kernelTimeout(build: CurlBuild, host: string, ip: string, port: number, ms: number, local: { ip: string; port: number }): { verbose: string[]; error: string } {
    if (build.era === 'legacy') {
      const error = `Failed to connect to ${host} port ${port}: Connection timed out`;
      return { verbose: [`* connect to ${ip} port ${port} failed: Connection timed out`, `* ${error}`], error };
    }
    const attempt = build.era === '8' ? `* connect to ${ip} port ${port} from ${local.ip} port ${local.port} failed: Connection timed out` : `* connect to ${ip} port ${port} failed: Connection timed out`;
    const error = `Failed to connect to ${host} port ${port} after ${ms} ms: ${couldNotConnect(build)}`;
    return { verbose: [attempt, `* ${error}`], error };
  },

  /** -m/--max-time ran out while connecting (exit 28). */
  maxTimeReached(ms: number): string {
    return `Connection timed out after ${ms} milliseconds`;
  },

  /** --connect-timeout ran out (exit 28). */
  connectTimeoutReached(build: CurlBuild, host: string, port: number, ms: number): string {
    if (build.era === 'legacy') return `Connection timed out after ${ms} milliseconds`;
    return `Failed to connect to ${host} port ${port} after ${ms} ms: Timeout was reached`;
  },

  closing(build: CurlBuild, connection: number): string {
    return build.era === '8' ? `* closing connection #${connection}` : `* Closing connection ${connection}`;
  },

  leftIntact(host: string, connection: number): string {
    return `* Connection #${connection} to host ${host} left intact`;
  },

  /** The request headers' order: old curl wrote User-Agent before Host. */
  userAgentFirst(build: CurlBuild): boolean {
    return build.era === 'legacy';
  },

  requestSent(build: CurlBuild): string[] {
    return build.era === '8' ? ['* Request completely sent off'] : [];
  },

  /** What -v shows for body data when stderr is not a terminal. */
  dataLine(build: CurlBuild, direction: 'in' | 'out', bytes: number): string {
    const arrow = direction === 'in' ? '{' : '}';
    return build.era === 'legacy' ? `${arrow} [data not shown]` : `${arrow} [${bytes} bytes data]`;
  },

  /** --fail on a status of 400 or more (exit 22). */
  httpError(build: CurlBuild, status: number, reason: string): string {
    return build.era === 'legacy' ? `The requested URL returned error: ${status} ${reason}` : `The requested URL returned error: ${status}`;
  },

  emptyReply(): string {
    return 'Empty reply from server';
  },

  /** -o to a path that cannot be written (exit 23). */
  writeFailed(build: CurlBuild, bytes: number): string {
    return build.era === 'legacy' ? `Failed writing body (0 != ${bytes})` : 'Failure writing output to destination';
  },

  /** An https:// request to a port that does not speak TLS (exit 35). */
  notTls(build: CurlBuild): string {
    if (build.era === 'legacy') return 'error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol';
    return `${build.tlsLibrary}: error:0A00010B:SSL routines::wrong version number`;
  },

  /** -L following a Location. */
  followRedirect(build: CurlBuild, url: string, host: string, reused: boolean, connection: number): string[] {
    const lines = [`* Issue another request to this URL: '${url}'`];
    if (!reused) return lines;
    if (build.era === 'legacy') lines.push(`* Re-using existing connection! (#${connection}) with host ${host}`);
    else if (build.era === '8') lines.push(`* Re-using existing connection with host ${host}`);
    else lines.push('* Found bundle for host: 0x55d0c8a3f2b0 [serially]', '* Can not multiplex, even if we wanted to', `* Re-using existing connection #${connection} with host ${host}`);
    return lines;
  },

  /** The unsupported scheme error (exit 1). */
  unsupportedProtocol(scheme: string): string {
    return `Protocol "${scheme}" not supported or disabled in libcurl`;
  },

  malformedUrl(): string {
    return 'URL using bad/illegal format or missing URL';
  },
};

/** lib/strerror.c's text for CURLE_COULDNT_CONNECT. */
function couldNotConnect(build: CurlBuild): string {
  return build.era === '8' ? 'Could not connect to server' : "Couldn't connect to server";
}

/**
 * How long the kernel retries an unanswered SYN before connect() fails with
 * ETIMEDOUT: net.ipv4.tcp_syn_retries = 6 on kind's nodes, the SYN sent at
 * 0, 1, 3, 7, 15, 31 and 63 s and given up after a last 64 s wait.
 */
export const KERNEL_SYN_TIMEOUT_MS = 127_000;
