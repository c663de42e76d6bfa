/** Debian packages the reference cluster needs on the host, installed when missing. */
import { execFileSync, spawnSync } from 'node:child_process';

/** command → the Debian package that provides it */
export const HOST_COMMANDS: Record<string, string> = {
  ip: 'iproute2',
  openssl: 'openssl',
  curl: 'curl',
  iptables: 'iptables',
  dig: 'dnsutils',
};

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function ensureHostPackages(log: (line: string) => void): void {
  const missing = [...new Set(Object.entries(HOST_COMMANDS).filter(([c]) => !has(c)).map(([, p]) => p))];
  if (missing.length === 0) return;
  log(`installing ${missing.join(' ')} from Debian`);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
