/**
 * IPVS connection entries (net/netfilter/ipvs/ip_vs_conn.c) as far as
 * `ipvsadm -Ln` shows them: each connection counts as active while
 * established and as inactive once closed (TIME_WAIT) until it expires; UDP
 * entries are always inactive. Persistence templates (ClientIP affinity) pin a
 * client to a real server and are not counted. Time is the virtual clock.
 */
import type { IpvsDestination } from './schedulers/scheduler.ts';
import type { VirtualServer } from './virtual-server.ts';

/** ip_vs_proto_tcp.c tcp_timeouts and ip_vs_proto_udp.c udp_timeouts, in ms. */
export const TCP_TIME_WAIT_MS = 2 * 60 * 1000;
export const TCP_ESTABLISHED_MS = 15 * 60 * 1000;
export const UDP_NORMAL_MS = 5 * 60 * 1000;

export interface IpvsConnection {
  vs: VirtualServer;
  dest: IpvsDestination;
  client: string;
  active: boolean;
  expiresAt: number;
}

interface Template {
  dest: IpvsDestination;
  expiresAt: number;
}

export class ConnectionTable {
  private connections: IpvsConnection[] = [];
  private readonly templates = new Map<string, Template>();
  /** No entry expires before this instant, so expire() can return at once. */
  private nextExpiry = Infinity;

  /** Drops connections and templates whose timer ran out, updating the counters. */
  expire(nowMs: number): void {
    if (nowMs < this.nextExpiry) return;
    let next = Infinity;
    this.connections = this.connections.filter((c) => {
      if (c.expiresAt > nowMs) {
        next = Math.min(next, c.expiresAt);
        return true;
      }
      if (c.active) c.dest.activeConns--;
      else c.dest.inactConns--;
      return false;
    });
    for (const [key, t] of this.templates) {
      if (t.expiresAt <= nowMs) this.templates.delete(key);
      else next = Math.min(next, t.expiresAt);
    }
    this.nextExpiry = next;
  }

  /** The persistence template's destination for a client of a persistent service, if still valid. */
  persistentDestination(vs: VirtualServer, client: string, nowMs: number): IpvsDestination | undefined {
    const t = this.templates.get(templateKey(vs, client));
    if (!t || t.expiresAt <= nowMs || !vs.destinations.includes(t.dest) || t.dest.weight <= 0) return undefined;
    return t.dest;
  }

  /** Records a new connection; TCP starts active (established), UDP inactive. */
  open(vs: VirtualServer, dest: IpvsDestination, client: string, nowMs: number): IpvsConnection {
    const tcp = vs.protocol === 'TCP';
    const conn: IpvsConnection = { vs, dest, client, active: tcp, expiresAt: nowMs + (tcp ? TCP_ESTABLISHED_MS : UDP_NORMAL_MS) };
    if (tcp) dest.activeConns++;
    else dest.inactConns++;
    this.connections.push(conn);
    this.nextExpiry = Math.min(this.nextExpiry, conn.expiresAt);
    if (vs.persistentSeconds > 0) {
      const expiresAt = nowMs + vs.persistentSeconds * 1000;
      this.templates.set(templateKey(vs, client), { dest, expiresAt });
      this.nextExpiry = Math.min(this.nextExpiry, expiresAt);
    }
    return conn;
  }

  /** The client finished the exchange: the entry moves to TIME_WAIT (inactive) for two minutes. */
  close(conn: IpvsConnection, nowMs: number): void {
    if (!conn.active) return;
    conn.active = false;
    conn.dest.activeConns--;
    conn.dest.inactConns++;
    conn.expiresAt = nowMs + TCP_TIME_WAIT_MS;
    this.nextExpiry = Math.min(this.nextExpiry, conn.expiresAt);
  }

  /** Forgets the entries of a destination kube-proxy removed (expire_nodest_conn=1). */
  dropDestination(dest: IpvsDestination): void {
    this.connections = this.connections.filter((c) => c.dest !== dest);
  }

  size(): number {
    return this.connections.length;
  }
}

function templateKey(vs: VirtualServer, client: string): string {
  return `${vs.protocol}/${vs.address}:${vs.port}/${client}`;
}
