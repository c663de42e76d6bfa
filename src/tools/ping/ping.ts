/**
 * ping, in busybox's form (networking/ping.c, checked with busybox 1.35.0 on
 * this machine: `PING h (ip): 56 data bytes`, `64 bytes from ip: seq=0
 * ttl=64 time=0.045 ms`, the statistics block, exit 1 when nothing came
 * back) and in iputils' form (Debian images: `56(84) bytes of data`,
 * `icmp_seq=1`, `rtt min/avg/max/mdev`). Echo requests go one a second on
 * the virtual clock; a lost one is waited for (-W, 10 s by default in
 * busybox) after the last. Without -c a real ping runs until interrupted;
 * a script cannot interrupt it here, so it stops after MAX_PACKETS.
 * Whether an address answers is the network's call (ClusterNetwork.ping:
 * pod and node IPs do, ClusterIPs only in IPVS mode).
 */
import type { PlaceNetwork } from '../../network/place-network.ts';
import type { CommandResult, Program, ProgramContext } from '../../shell/types.ts';
import type { Hop } from '../../trace/trace.ts';

export type PingFlavor = 'busybox' | 'iputils';

export interface PingPlace {
  network: PlaceNetwork;
  flavor: PingFlavor;
}

/** Stand-in for the Ctrl-C a person would press. */
const MAX_PACKETS = 100;

interface PingOptions {
  count?: number;
  waitSeconds: number;
  quiet: boolean;
  host?: string;
}

function parse(args: string[]): PingOptions | { error: string } {
  const o: PingOptions = { waitSeconds: 10, quiet: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (a.length > 2 ? a.slice(2) : args[++i]);
    if (a.startsWith('-c')) o.count = Number(value());
    else if (a.startsWith('-W')) o.waitSeconds = Number(value());
    else if (a.startsWith('-w') || a.startsWith('-i') || a.startsWith('-s') || a.startsWith('-t')) value();
    else if (a === '-q') o.quiet = true;
    else if (a === '-4' || a === '-n') continue;
    else if (a.startsWith('-')) return { error: a };
    else o.host = a;
  }
  if (o.count !== undefined && (!Number.isInteger(o.count) || o.count < 1)) return { error: `-c${o.count}` };
  return o;
}

/** Round-trip times of a kind network: tens of microseconds on a node, about twice across nodes. */
function rtt(seq: number, ip: string, crossNode: boolean): number {
  const last = Number(ip.split('.').pop() ?? 0);
  const jitter = ((seq * 37 + last * 13) % 40) / 1000;
  return (crossNode ? 0.09 : 0.045) + jitter;
}

const ms = (n: number) => n.toFixed(3);

export function pingProgram(place: (ctx: ProgramContext) => PingPlace): Program {
  return async (ctx): Promise<CommandResult> => {
    const { network, flavor } = place(ctx);
    const parsed = parse(ctx.argv.slice(1));
    if ('error' in parsed || !parsed.host) {
      const stderr = flavor === 'busybox' ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n';
      return { stdout: '', stderr, exitCode: flavor === 'busybox' ? 1 : 2 };
    }
    const host = parsed.host;
    const resolution = network.resolve(host, ctx.fs);
    const hops: Hop[] = [...resolution.hops];
    if (resolution.status !== 'found' || resolution.addresses.length === 0) {
      const stderr = flavor === 'busybox' ? `ping: bad address '${host}'\n` : `ping: ${host}: Name or service not known\n`;
      return { stdout: '', stderr, exitCode: flavor === 'busybox' ? 1 : 2, traces: [{ request: `ping ${host}`, from: network.from, hops, ok: false, failure: `${host} did not resolve` }] };
    }
    const ip = resolution.addresses[0];
    const outcome = network.ping(ip);
    hops.push(...outcome.hops);
    const count = Math.min(parsed.count ?? MAX_PACKETS, MAX_PACKETS);
    let stdout = flavor === 'busybox' ? `PING ${host} (${ip}): 56 data bytes\n` : `PING ${host} (${ip}) 56(84) bytes of data.\n`;
    const times: number[] = [];
    for (let seq = 0; seq < count; seq++) {
      if (seq > 0) await ctx.sleep(1);
      if (!outcome.replied) continue;
      const t = rtt(seq, ip, outcome.crossNode);
      times.push(t);
      if (parsed.quiet) continue;
      stdout += flavor === 'busybox' ? `64 bytes from ${ip}: seq=${seq} ttl=${outcome.ttl} time=${ms(t)} ms\n` : `64 bytes from ${ip}: icmp_seq=${seq + 1} ttl=${outcome.ttl} time=${ms(t)} ms\n`;
    }
    if (!outcome.replied) await ctx.sleep(parsed.waitSeconds);
    const received = times.length;
    const loss = Math.round(((count - received) * 100) / count);
    stdout += `\n--- ${host} ping statistics ---\n`;
    if (flavor === 'busybox') {
      stdout += `${count} packets transmitted, ${received} packets received, ${loss}% packet loss\n`;
      if (received) stdout += `round-trip min/avg/max = ${ms(Math.min(...times))}/${ms(times.reduce((a, b) => a + b, 0) / received)}/${ms(Math.max(...times))} ms\n`;
    } else {
      const elapsed = (count - 1) * 1000 + (received ? 1 : 0);
      stdout += `${count} packets transmitted, ${received} received, ${loss}% packet loss, time ${received ? elapsed : (count - 1) * 1000 + parsed.waitSeconds * 1000}ms\n`;
      if (received) {
        const avg = times.reduce((a, b) => a + b, 0) / received;
        const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / received);
        stdout += `rtt min/avg/max/mdev = ${ms(Math.min(...times))}/${ms(avg)}/${ms(Math.max(...times))}/${ms(mdev)} ms\n`;
      }
    }
    const ok = received > 0;
    return { stdout, stderr: '', exitCode: ok ? 0 : 1, traces: [{ request: `ping ${ctx.argv.slice(1).join(' ')}`, from: network.from, hops, ok, failure: ok ? undefined : outcome.reason }] };
  };
}
