/**
 * The network as one place (a container, a node shell, the user's machine)
 * sees it: what client programs (curl, wget, ping, nslookup ...) call. It
 * resolves names the way the place's C library does (/etc/hosts, then DNS
 * through the servers of /etc/resolv.conf), opens connections from the
 * place's address, and records the hops of every DNS question for traces.
 */
import type { QueryType } from '../coredns/dns-message.ts';
import { parseResolvConf } from '../coredns/resolv-conf.ts';
import { StubResolver, type LibcFlavor, type LookupStatus, type SentQuery } from '../coredns/stub-resolver.ts';
import type { HttpRequest } from '../images/servers/http.ts';
import type { FileSystem } from '../shell/types.ts';
import type { DnsEnvironment } from '../tools/dns/dns-environment.ts';
import type { Hop } from '../trace/trace.ts';
import type { ClusterNetwork, ConnectOutcome, Destination, PingOutcome } from './cluster-network.ts';
import { hostsFileAddresses } from './hosts-file.ts';
import { describeSource, DOCKER_HOST_IP, type NetworkSource } from './network-source.ts';
import type { ServeOutcome } from './server-end.ts';

/** A kind node's /etc/resolv.conf (Docker's embedded DNS at the gateway; see src/kubelet/network/dns-config.ts). */
export const NODE_RESOLV_CONF = `nameserver ${DOCKER_HOST_IP}\noptions edns0 trust-ad ndots:0\n`;

/** Every machine's /etc/hosts names localhost; used when a place's file system has none. */
const DEFAULT_HOSTS = '127.0.0.1\tlocalhost\n';

export interface HostResolution {
  status: LookupStatus;
  /** IPv4 addresses first. */
  addresses: string[];
  /** Where the answer came from, for -v lines and traces. */
  source: 'literal' | 'hosts-file' | 'dns';
  /** The DNS questions asked and the hops to their servers. */
  hops: Hop[];
  queries: SentQuery[];
  /** Virtual seconds spent waiting for servers that never answered. */
  waitedSeconds: number;
}

function isIPv4Literal(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
}

export class PlaceNetwork {
  readonly from: string;

  constructor(
    readonly network: ClusterNetwork,
    readonly source: NetworkSource,
    /** The C library the place's programs use to resolve names. */
    readonly libc: LibcFlavor,
    /** The resolv.conf used when the place's file system has none (a node, the user's machine). */
    private readonly defaultResolvConf = '',
  ) {
    this.from = describeSource(source);
  }

  /** Virtual milliseconds since the epoch. */
  now(): number {
    return this.network.clock.now();
  }

  private resolvConfText(fs: FileSystem): string {
    return fs.readFile('/etc/resolv.conf') ?? this.defaultResolvConf;
  }

  /** getaddrinfo(name): an IP literal as is, then /etc/hosts, then DNS as the place's libc walks it. */
  resolve(name: string, fs: FileSystem): HostResolution {
    const bare = name.replace(/\.$/, '');
    if (isIPv4Literal(bare)) return { status: 'found', addresses: [bare], source: 'literal', hops: [], queries: [], waitedSeconds: 0 };
    const fromFile = hostsFileAddresses(fs.readFile('/etc/hosts') ?? DEFAULT_HOSTS, bare);
    if (fromFile.length > 0) {
      return { status: 'found', addresses: fromFile, source: 'hosts-file', hops: [{ kind: 'dns', label: '/etc/hosts', detail: `${bare} -> ${fromFile.join(', ')} from /etc/hosts` }], queries: [], waitedSeconds: 0 };
    }
    const hops: Hop[] = [];
    const routed = new Set<string>();
    const resolver = new StubResolver({
      conf: parseResolvConf(this.resolvConfText(fs)),
      flavor: this.libc,
      transport: (server, question, type) => {
        const { answer, hops: route } = this.network.dnsQuery(this.source, server, question, type);
        if (!routed.has(server)) {
          routed.add(server);
          hops.push(...route.filter((h) => h.kind !== 'client'));
        }
        return answer;
      },
    });
    const lookup = resolver.lookupHost(bare, 'both');
    for (const q of lookup.queries) {
      hops.push({ kind: 'dns', label: `${q.server}:53`, detail: q.outcome === 'timeout' ? `${q.type} ${q.name}: no reply` : `${q.type} ${q.name} -> ${q.outcome}${q.records.length ? ' ' + q.records.join(', ') : ''}` });
    }
    const addresses = lookup.addresses.filter(isIPv4Literal);
    return { status: lookup.status, addresses, source: 'dns', hops, queries: lookup.queries, waitedSeconds: lookup.waitedSeconds };
  }

  connect(to: Destination): ConnectOutcome {
    return this.network.connect(this.source, to);
  }

  exchange(connection: Extract<ConnectOutcome, { kind: 'connected' }>, request: Omit<HttpRequest, 'client' | 'server'>): ServeOutcome {
    return this.network.exchange(connection, request);
  }

  ping(ip: string): PingOutcome {
    return this.network.ping(this.source, ip);
  }

  /** What nslookup and dig need from this place (src/tools/dns). */
  dnsEnvironment(fs: FileSystem): DnsEnvironment {
    const routes = new Map<string, Hop[]>();
    return {
      from: this.from,
      resolvConf: () => this.resolvConfText(fs),
      query: (server: string, name: string, type: QueryType) => {
        const { answer, hops } = this.network.dnsQuery(this.source, server, name, type);
        if (!routes.has(server)) routes.set(server, hops.filter((h) => h.kind !== 'client'));
        return answer;
      },
      routeHops: (server: string) => routes.get(server) ?? [],
      now: () => this.now(),
    };
  }
}
