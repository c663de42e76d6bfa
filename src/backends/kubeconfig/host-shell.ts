/**
 * Runs a scenario's script in a real /bin/sh on the user's machine, one
 * complete command after another in the same shell (variables and `cd` carry
 * over), and still tells each command's output and exit status apart: after
 * every command the shell prints a marker with a random token and `$?` on both
 * streams, and the outputs are split there.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { CommandResult } from '../../shell/types.ts';

export interface HostShellOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Kills the shell after this many seconds (a command waiting forever). */
  timeoutSeconds: number;
}

const SEP = '\u001e';

/** Wraps complete commands with markers; exported for tests. */
export function markedScript(commands: string[], token: string): string {
  return commands
    .map((command) => `${command}\n__ks_rc=$?; printf '${SEP}${token} %d${SEP}' "$__ks_rc"; printf '${SEP}${token}${SEP}' >&2`)
    .join('\n');
}

/** Splits the two streams back into one result per command. */
export function splitMarked(stdout: string, stderr: string, count: number, token: string, finalExit: number): CommandResult[] {
  const outMarker = new RegExp(`${SEP}${token} (\\d+)${SEP}`, 'g');
  const results: CommandResult[] = [];
  let outStart = 0;
  const errParts = stderr.split(`${SEP}${token}${SEP}`);
  let match: RegExpExecArray | null;
  while ((match = outMarker.exec(stdout)) && results.length < count) {
    results.push({ stdout: stdout.slice(outStart, match.index), stderr: errParts[results.length] ?? '', exitCode: Number(match[1]) });
    outStart = match.index + match[0].length;
  }
  // The shell ended before a marker (exit, a signal, a timeout): what is left belongs to that command.
  if (results.length < count) {
    results.push({ stdout: stdout.slice(outStart), stderr: errParts.slice(results.length).join(''), exitCode: finalExit });
  }
  return results;
}

export async function runOnHost(commands: string[], options: HostShellOptions, stdin = ''): Promise<CommandResult[]> {
  if (commands.length === 0) return [];
  const token = randomBytes(6).toString('hex');
  const child = spawn('/bin/sh', ['-c', markedScript(commands, token)], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  // A shell that never reads its input closes the pipe early; that is not an error.
  child.stdin.on('error', () => {});
  child.stdin.end(stdin);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutSeconds * 1000);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + 9 : 1))));
  clearTimeout(timer);
  return splitMarked(Buffer.concat(out).toString('utf8'), Buffer.concat(err).toString('utf8'), commands.length, token, exitCode);
}
