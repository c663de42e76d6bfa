/**
 * `hostname` and `whoami`. The host name is the place's (a pod's name in a
 * container, as the kubelet sets it), else /etc/hostname, else `localhost`.
 * The user is USER, else root: containers run as root unless told otherwise.
 */
import type { Program } from '../types.ts';

export const hostname: Program = (ctx) => {
  const name = ctx.hostname ?? ctx.fs.readFile('/etc/hostname')?.trim() ?? 'localhost';
  return { stdout: `${name}\n`, stderr: '', exitCode: 0 };
};

export const whoami: Program = (ctx) => ({ stdout: `${ctx.env.get('USER') ?? 'root'}\n`, stderr: '', exitCode: 0 });
