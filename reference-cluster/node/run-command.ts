/**
 * Running a program of the machine (ip, ctr, debootstrap, tar ...) and
 * collecting what it printed. A non-zero exit throws with the program's own
 * error text, so reports quote the real message.
 */
import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the program's standard input, which is then closed. */
  input?: string | Buffer;
  /** Return the result of a failing program instead of throwing. */
  allowFailure?: boolean;
}

/** Runs `program args` to completion. */
export function runCommand(program: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const result = { code: code ?? 128, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      if (result.code !== 0 && !options.allowFailure) {
        const why = signal ? `signal ${signal}` : `exit ${result.code}`;
        reject(new Error(`${program} ${args.join(' ')}: ${why}: ${(result.stderr || result.stdout).trim().slice(-2000)}`));
      } else resolve(result);
    });
    if (child.stdin) {
      // A program may exit before reading its input; its exit status tells what happened.
      child.stdin.on('error', () => {});
      child.stdin.end(options.input);
    }
  });
}

/** Runs a program inside a network namespace (only the network: the mount namespace stays the machine's). */
export function runInNetns(netns: string, program: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
  return runCommand('nsenter', [`--net=/run/netns/${netns}`, '--', program, ...args], options);
}
