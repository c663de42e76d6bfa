/**
 * Runs the certificate tools in the embedded shell on a MemoryFileSystem (so
 * pipes such as `cfssl ... | cfssljson -bare ca -` work as typed), and hands
 * the files they write to the real OpenSSL of this machine: shared by the
 * tests of src/tools/tls.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../../clock/virtual-clock.ts';
import { SeededRandom } from '../../../random/seeded-random.ts';
import { MemoryFileSystem } from '../../../shell/memory-fs.ts';
import { Shell } from '../../../shell/shell.ts';
import type { CommandResult, Program } from '../../../shell/types.ts';
import { textUtilities } from '../../../shell/utilities/index.ts';
import type { TlsToolDeps } from '../tool-deps.ts';

export const WORKDIR = '/home/user';

export class Harness {
  readonly fs = new MemoryFileSystem();
  readonly clock = new VirtualClock();
  readonly deps: TlsToolDeps;
  private readonly shell: Shell;

  constructor(programs: Record<string, (deps: TlsToolDeps) => Program>, seed = 'tls-test') {
    this.fs.mkdir(WORKDIR, { recursive: true });
    this.fs.mkdir('/tmp', { recursive: true });
    this.deps = { now: () => this.clock.now(), random: new SeededRandom(seed) };
    const table = textUtilities();
    for (const [name, make] of Object.entries(programs)) table.set(name, make(this.deps));
    this.shell = new Shell({ fs: this.fs, cwd: WORKDIR, env: new Map([['PATH', '/usr/bin:/bin']]), programs: table, sleep: async () => {} });
  }

  /** Runs a command line in the shell; `stdin` feeds it. Traces are left out. */
  async run(line: string, stdin = ''): Promise<CommandResult> {
    const { stdout, stderr, exitCode } = await this.shell.run(line, stdin);
    return { stdout, stderr, exitCode };
  }

  read(path: string): string {
    const text = this.fs.readFile(this.fs.resolve(WORKDIR, path));
    if (text === undefined) throw new Error(`no file ${path}`);
    return text;
  }

  /** Copies files of the memory file system into a fresh directory of the real one; returns that directory. */
  export(...paths: string[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'tls-tools-'));
    for (const p of paths) writeFileSync(join(dir, p.split('/').pop()!), this.read(p));
    return dir;
  }
}

/** Runs the real /usr/bin/openssl in `dir`; stdout and stderr together, and the exit status. */
export function realOpenssl(dir: string, args: string[]): { output: string; status: number } {
  const r = spawnSync('/usr/bin/openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { output: r.stdout + r.stderr, status: r.status ?? -1 };
}

/** OpenSSL's error-stack lines start with a thread id that changes every run. */
export function withoutThreadIds(text: string): string {
  return text.replace(/^[0-9A-F]{16}:error:/gm, 'THREAD:error:');
}
