/**
 * How the kubelet is launched so that it leaves the machine as it found it.
 *
 * At start the kubelet checks six kernel tunables and, unless
 * protectKernelDefaults is set (then it refuses to start), writes the values
 * it wants (pkg/kubelet/cm/container_manager_linux.go, setupKernelTunables:
 * vm.overcommit_memory=1, vm.panic_on_oom=0, kernel.panic=10,
 * kernel.panic_on_oops=1, kernel.keys.root_maxkeys=1000000,
 * kernel.keys.root_maxbytes=25000000). None of them is per network
 * namespace: on a shared machine that would make every later kernel oops a
 * reboot. So the kubelet runs in a mount namespace of its own where the
 * tunables that differ read as the wanted value (a file bind-mounted over the
 * /proc/sys entry); the machine's values stay.
 *
 * Its volume mounts must still reach containerd, which runs in the machine's
 * mount namespace: the kubelet's root directory is made a shared mount first,
 * and the kubelet's namespace keeps that propagation (unshare --propagation
 * unchanged), so mounts under it appear on both sides, as with kind's rshared
 * /var/lib/kubelet.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.ts';

/** The values the kubelet 1.31 wants (setupKernelTunables' desiredState). */
export const KUBELET_KERNEL_TUNABLES: Readonly<Record<string, number>> = {
  'vm/overcommit_memory': 1,
  'vm/panic_on_oom': 0,
  'kernel/panic': 10,
  'kernel/panic_on_oops': 1,
  'kernel/keys/root_maxkeys': 1000000,
  'kernel/keys/root_maxbytes': 25000000,
};

/** The tunables whose machine value differs from the kubelet's, read through `read` (for tests). */
export function tunablesToMask(read: (key: string) => string = (k) => readFileSync(`/proc/sys/${k}`, 'utf8')): string[] {
  return Object.entries(KUBELET_KERNEL_TUNABLES)
    .filter(([key, want]) => Number(read(key).trim()) !== want)
    .map(([key]) => key);
}

function isMountPoint(dir: string): boolean {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[4] === dir);
}

/** Makes `dir` a shared mount point of the machine's mount namespace (idempotent). */
export async function makeSharedMount(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (!isMountPoint(dir)) await runCommand('mount', ['--bind', dir, dir]);
  await runCommand('mount', ['--make-shared', dir]);
}

/**
 * The argv that runs `kubelet args` behind the mask: a shell that bind-mounts
 * one file per differing tunable, then execs the kubelet (same pid).
 */
export function maskedKubeletArgv(kubelet: string, args: string[], masks: string[], sysctlDir: string): string[] {
  mkdirSync(sysctlDir, { recursive: true });
  const lines = ['set -e', '# /proc is private here: the binds below stay in this namespace.', 'mount --make-rprivate /proc'];
  for (const key of masks) {
    const file = join(sysctlDir, key.replace(/\//g, '.'));
    writeFileSync(file, `${KUBELET_KERNEL_TUNABLES[key]}\n`);
    lines.push(`mount --bind ${file} /proc/sys/${key}`);
  }
  lines.push('exec "$@"');
  return ['unshare', '--mount', '--propagation', 'unchanged', '--', 'sh', '-c', lines.join('\n'), 'kubelet', kubelet, ...args];
}
