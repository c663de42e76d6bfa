/** Debian packages the reference cluster needs on the host, installed when missing. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** command → the Debian package that provides it (every stage) */
export const HOST_COMMANDS: Record<string, string> = {
  ip: 'iproute2',
  openssl: 'openssl',
  curl: 'curl',
  iptables: 'iptables',
  dig: 'dnsutils',
};

/**
 * What stage 2's real nodes and pod images need beyond that: a command, or an
 * absolute path for what is not on PATH, → its Debian package.
 */
export const NODE_HOST_NEEDS: Record<string, string> = {
  containerd: 'containerd',
  ctr: 'containerd',
  runc: 'runc',
  // The node's CNI chain (node/cni-config.ts) and containerd's loopback.
  '/usr/lib/cni/ptp': 'containernetworking-plugins',
  '/usr/lib/cni/host-local': 'containernetworking-plugins',
  '/usr/lib/cni/portmap': 'containernetworking-plugins',
  '/usr/lib/cni/loopback': 'containernetworking-plugins',
  'iptables-save': 'iptables',
  conntrack: 'conntrack',
  nsenter: 'util-linux',
  // The pod images: the Debian root, the static pause binary, CoreDNS's file capability.
  debootstrap: 'debootstrap',
  gcc: 'gcc',
  '/usr/lib/x86_64-linux-gnu/libc.a': 'libc6-dev',
  setcap: 'libcap2-bin',
};

function has(need: string): boolean {
  if (need.startsWith('/')) return existsSync(need);
  return spawnSync('sh', ['-c', `command -v ${need}`], { stdio: 'ignore' }).status === 0;
}

/** The packages missing for `stage` (what `needs` lists whose command or file is absent). */
export function missingPackages(stage: 1 | 2, present: (need: string) => boolean = has): string[] {
  const needs = { ...HOST_COMMANDS, ...(stage === 2 ? NODE_HOST_NEEDS : {}) };
  return [...new Set(Object.entries(needs).filter(([need]) => !present(need)).map(([, pkg]) => pkg))];
}

/** Installs what `stage` lacks with apt-get. */
export function ensureHostPackages(log: (line: string) => void, stage: 1 | 2 = 1): void {
  const missing = missingPackages(stage);
  if (missing.length === 0) return;
  log(`installing ${missing.join(' ')} from Debian`);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
