/**
 * Test support: runs a script in a real shell of this machine (dash as
 * /bin/sh, busybox ash) with the machine's GNU tools in a temporary
 * directory, and the same script in our Shell on a memory file system
 * mounted at the same path, so that the two can be compared byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MemoryFileSystem } from '../memory-fs.ts';
import { Shell } from '../shell.ts';
import type { CommandResult } from '../types.ts';
import { textUtilities, shellProgram } from '../utilities/index.ts';

export interface ScriptCase {
  /** Shown by the test runner. */
  name: string;
  script: string;
  /** Files relative to the working directory. */
  files?: Record<string, string>;
  stdin?: string;
}

export interface Outcome extends CommandResult {
  /** Files in the working directory after the run, by relative path. */
  files: Record<string, string>;
}

/** The real shell to compare with: dash (as /bin/sh) or busybox's ash, or why it is not there. */
export function realShell(dialect: 'ash' | 'dash'): { command: string[] } | { missing: string } {
  if (dialect === 'dash') {
    return existsSync('/bin/sh') && existsSync('/usr/bin/dash') ? { command: ['/bin/sh'] } : { missing: '/bin/sh is not dash on this machine' };
  }
  // argv0 `sh` makes busybox run its sh applet.
  for (const path of ['/usr/bin/busybox', '/bin/busybox']) {
    if (!existsSync(path)) continue;
    // These tables pair ash with GNU tools found on PATH (Debian's busybox package). Debian's
    // busybox-static prefers its own applets, whose messages differ ("cat: can't open 'x'").
    const probe = spawnSync(path, ['sh', '-c', 'cat /nonexistent-kube-scenarios-probe'], { encoding: 'utf8' });
    if (probe.stderr.includes("can't open")) return { missing: `${path} runs its own applets before PATH (busybox-static), so ash with GNU tools cannot be compared here; install Debian's busybox package` };
    return { command: [path] };
  }
  return { missing: 'busybox is not installed (apt-get install -y busybox)' };
}

function collectFiles(root: string, dir = root, into: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collectFiles(root, path, into);
    else into[path.slice(root.length + 1)] = readFileSync(path, 'utf8');
  }
  return into;
}

function collectMemoryFiles(fs: MemoryFileSystem, root: string, dir = root, into: Record<string, string> = {}): Record<string, string> {
  for (const name of fs.list(dir) ?? []) {
    const path = `${dir}/${name}`;
    if (fs.isDirectory(path)) collectMemoryFiles(fs, root, path, into);
    else into[path.slice(root.length + 1)] = fs.readFile(path) ?? '';
  }
  return into;
}

const ENVIRONMENT = { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C', HOME: '/root' };

/** Runs the case in the real shell; the working directory is a fresh temporary one. */
export function runReal(command: string[], c: ScriptCase): Outcome & { cwd: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'shell-diff-'));
  try {
    for (const [name, content] of Object.entries(c.files ?? {})) {
      mkdirSync(dirname(join(cwd, name)), { recursive: true });
      writeFileSync(join(cwd, name), content);
    }
    const [file, ...args] = command;
    const r = spawnSync(file, [...args, '-c', c.script], { cwd, input: c.stdin ?? '', env: { ...ENVIRONMENT, PWD: cwd }, argv0: 'sh', encoding: 'utf8', timeout: 10_000 });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1, files: collectFiles(cwd), cwd };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Runs the case in our shell, with the text utilities, in `cwd` of a memory file system. */
export async function runOurs(c: ScriptCase, dialect: 'ash' | 'dash', cwd: string): Promise<Outcome> {
  const fs = new MemoryFileSystem();
  fs.mkdir(cwd, { recursive: true });
  for (const [name, content] of Object.entries(c.files ?? {})) fs.put(`${cwd}/${name}`, content);
  const programs = textUtilities();
  const env = new Map(Object.entries({ ...ENVIRONMENT, PWD: cwd }));
  const options = { fs, cwd, env, programs, sleep: async () => undefined, dialect };
  programs.set('sh', shellProgram(() => options));
  const shell = new Shell(options);
  const result = await shell.run(c.script, c.stdin ?? '');
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, files: collectMemoryFiles(fs, cwd) };
}
