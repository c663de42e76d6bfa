/**
 * One cross-check run at a time on a machine: two would apply and delete the
 * same namespace on the reference cluster and the same network namespace.
 * The lock is a file holding the owner's pid; a dead owner's lock is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The machine's one lock file for cross-check runs. */
export const RUN_LOCK_PATH = join(tmpdir(), 'kube-scenarios-cross-check.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock, or says which process holds it. */
export function takeRunLock(path: string): { release: () => void } | { heldBy: number } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return {
        release: () => {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (owner > 0 && alive(owner)) return { heldBy: owner };
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take ${path}`);
}
