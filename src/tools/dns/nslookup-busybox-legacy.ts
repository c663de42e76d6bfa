/**
 * busybox nslookup before 1.29 (networking/nslookup.c, the small applet), as in
 * radial/busyboxplus:curl (busybox 1.22 on uClibc 0.9.33, buildroot 2014.02) and
 * busybox:1.28. It resolves through the C library (getaddrinfo, then getnameinfo
 * for each address), so the library's search walk applies, and prints with
 * printf("%-10s %s\n"):
 *
 *   Server:    10.96.0.10
 *   Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local
 *
 *   Name:      my-nginx
 *   Address 1: 10.96.162.149 my-nginx.default.svc.cluster.local
 *
 * The name is printed as typed; an address is followed by its PTR name when the
 * reverse lookup succeeds (seed 000's old cluster answered none, hence its bare
 * `Address 1: 10.0.0.10`). A failure prints `nslookup: can't resolve 'NAME'` on
 * stderr (VERBOSE_RESOLUTION_ERRORS off) and exits 1; an option or a third
 * argument prints the usage.
 */
import { parseResolvConf } from '../../coredns/resolv-conf.ts';
import { StubResolver, type LibcFlavor, type SentQuery } from '../../coredns/stub-resolver.ts';
import type { CommandResult, Program, ProgramContext } from '../../shell/types.ts';
import type { DnsEnvironment } from './dns-environment.ts';
import { dnsTrace } from './dns-trace.ts';

export interface LegacyNslookupOptions {
  /** The first line of the usage text. */
  banner: string;
  /** The image's C library: uClibc for busybox images, glibc for busybox:*-glibc. */
  libc: LibcFlavor;
}

function usage(banner: string): string {
  return `${banner}\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n`;
}

function header(label: string, value: string): string {
  return `${label.padEnd(10)} ${value}\n`;
}

export function legacyBusyboxNslookup(env: DnsEnvironment, options: LegacyNslookupOptions): Program {
  return async (ctx: ProgramContext): Promise<CommandResult> => {
    const args = ctx.argv.slice(1);
    if (args.length === 0 || args[0].startsWith('-') || args.length > 2) {
      return { stdout: '', stderr: usage(options.banner), exitCode: 1 };
    }
    const [host, serverArg] = args;
    const conf = parseResolvConf(env.resolvConf());
    if (serverArg) conf.nameservers = [serverArg];
    const resolver = new StubResolver({ conf, flavor: options.libc, transport: (s, n, t) => env.query(s, n, t) });
    const sent: SentQuery[] = [];
    const request = ['nslookup', ...args].join(' ');
    let waited = 0;

    const addressLine = (index: number, ip: string): string => {
      const reverse = resolver.lookupAddress(ip);
      sent.push(...reverse.queries);
      waited += reverse.waitedSeconds;
      return `Address ${index}: ${ip}${reverse.hostname ? ` ${reverse.hostname}` : ''}\n`;
    };

    const server = resolver.servers()[0];
    let stdout = header('Server:', server) + addressLine(1, server) + '\n';
    const lookup = resolver.lookupHost(host);
    sent.push(...lookup.queries);
    waited += lookup.waitedSeconds;
    if (lookup.status !== 'found') {
      if (waited > 0) await ctx.sleep(waited);
      const trace = dnsTrace(request, env, sent, { ok: false, answer: `${host} not resolved`, failure: `${host}: ${lookup.status}` });
      return { stdout, stderr: `nslookup: can't resolve '${host}'\n`, exitCode: 1, traces: [trace] };
    }
    stdout += header('Name:', host);
    lookup.addresses.forEach((ip, i) => (stdout += addressLine(i + 1, ip)));
    if (waited > 0) await ctx.sleep(waited);
    const trace = dnsTrace(request, env, sent, { ok: true, answer: `${host} is ${lookup.addresses.join(', ')}` });
    return { stdout, stderr: '', exitCode: 0, traces: [trace] };
  };
}
