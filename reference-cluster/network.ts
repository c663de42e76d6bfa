/**
 * The reference cluster's network, shaped like kind's docker network: a bridge
 * on 172.18.0.0/16 whose gateway is this machine, and one network namespace per
 * "node" attached to it. Everything the cluster listens on lives inside those
 * namespaces, so the machine's own interfaces and iptables stay untouched apart
 * from the bridge itself.
 */
import { execFileSync } from 'node:child_process';

export const BRIDGE = 'ks-br0';
export const BRIDGE_ADDRESS = '172.18.0.1';
export const PREFIX_LENGTH = 16;

/** A node's place on the bridge: kind numbers its containers from .2 upward. */
export interface NodeNetwork {
  node: string;
  netns: string;
  address: string;
}

export const CONTROL_PLANE: NodeNetwork = { node: 'kind-control-plane', netns: 'ks-control-plane', address: '172.18.0.2' };

/** Worker nodes in kind's order and addresses. */
export function workerNetworks(count: number): NodeNetwork[] {
  return Array.from({ length: count }, (_, i) => ({
    node: i === 0 ? 'kind-worker' : `kind-worker${i + 1}`,
    netns: i === 0 ? 'ks-worker' : `ks-worker${i + 1}`,
    address: `172.18.0.${i + 3}`,
  }));
}

function ip(args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function exists(args: string[]): boolean {
  try {
    ip(args);
    return true;
  } catch {
    return false;
  }
}

/** Creates the bridge (idempotent). */
export function ensureBridge(): void {
  if (!exists(['link', 'show', BRIDGE])) {
    ip(['link', 'add', BRIDGE, 'type', 'bridge']);
    ip(['addr', 'add', `${BRIDGE_ADDRESS}/${PREFIX_LENGTH}`, 'dev', BRIDGE]);
  }
  ip(['link', 'set', BRIDGE, 'up']);
}

/** Creates a node's namespace with a veth into the bridge (idempotent). */
export function ensureNodeNamespace(n: NodeNetwork): void {
  const names = ip(['netns', 'list']);
  if (!names.split('\n').some((line) => line.split(' ')[0] === n.netns)) ip(['netns', 'add', n.netns]);
  const hostSide = `veth-${n.netns.replace(/^ks-/, '')}`.slice(0, 15);
  if (!exists(['link', 'show', hostSide])) {
    ip(['link', 'add', hostSide, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', n.netns]);
    ip(['link', 'set', hostSide, 'master', BRIDGE, 'up']);
    ip(['-n', n.netns, 'addr', 'add', `${n.address}/${PREFIX_LENGTH}`, 'dev', 'eth0']);
  }
  ip(['-n', n.netns, 'link', 'set', 'lo', 'up']);
  ip(['-n', n.netns, 'link', 'set', 'eth0', 'up']);
  if (!ip(['-n', n.netns, 'route', 'show', 'default']).trim()) ip(['-n', n.netns, 'route', 'add', 'default', 'via', BRIDGE_ADDRESS]);
}

/** Deletes a namespace (its veth goes with it). */
export function deleteNodeNamespace(netns: string): void {
  if (exists(['netns', 'pids', netns])) ip(['netns', 'delete', netns]);
}

export function deleteBridge(): void {
  if (exists(['link', 'show', BRIDGE])) ip(['link', 'delete', BRIDGE]);
}

/** The cluster's namespaces that exist now (for status and down); others named ks-* are left alone. */
export function ourNamespaces(): string[] {
  const ours = new Set([CONTROL_PLANE.netns, ...workerNetworks(MAX_WORKERS).map((w) => w.netns)]);
  return ip(['netns', 'list'])
    .split('\n')
    .map((line) => line.split(' ')[0])
    .filter((name) => ours.has(name));
}

/** Most workers a reference cluster has (kind's default profile has two). */
export const MAX_WORKERS = 4;
