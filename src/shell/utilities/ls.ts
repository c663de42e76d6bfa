/**
 * `ls` (GNU coreutils src/ls.c) as it prints to a pipe: one name a line,
 * sorted in byte order (C locale); -a, -A, -1, -d, -F, -R, -l. A memory file
 * system has no modes, owners or times: -l shows rw-r--r-- files and
 * rwxr-xr-x directories owned by root, dated at the virtual clock's start.
 */
import type { CommandResult, Program, ProgramContext } from '../types.ts';
import { has, parseCommandLine, usageError } from './command-line.ts';

const SPECS = [
  { name: 'a', short: 'a', long: 'all' },
  { name: 'A', short: 'A', long: 'almost-all' },
  { name: 'l', short: 'l' },
  { name: '1', short: '1' },
  { name: 'd', short: 'd', long: 'directory' },
  { name: 'F', short: 'F', long: 'classify' },
  { name: 'R', short: 'R', long: 'recursive' },
  { name: 'h', short: 'h', long: 'human-readable' },
  { name: 'color', long: 'color', argument: 'optional' as const },
];

/** What `ls -l` shows as the time of every entry: the memory cluster's epoch (2026-01-01). */
const FIXED_DATE = 'Jan  1 00:00';

interface Entry {
  name: string;
  path: string;
  directory: boolean;
  size: number;
}

function entry(ctx: ProgramContext, name: string, path: string): Entry {
  const directory = ctx.fs.isDirectory(path);
  return { name, path, directory, size: directory ? 4096 : Buffer.byteLength(ctx.fs.readFile(path) ?? '') };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatLong(entries: Entry[], classify: boolean): string {
  const width = Math.max(0, ...entries.map((e) => String(e.size).length));
  return entries
    .map((e) => `${e.directory ? 'drwxr-xr-x 2' : '-rw-r--r-- 1'} root root ${String(e.size).padStart(width)} ${FIXED_DATE} ${e.name}${classify && e.directory ? '/' : ''}\n`)
    .join('');
}

/** Blocks of 1 KiB, as `total` counts them: each file takes whole 4 KiB blocks. */
function totalBlocks(entries: Entry[]): number {
  return entries.reduce((sum, e) => sum + Math.ceil(e.size / 4096) * 4, 0);
}

export const ls: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 2);
  const o = parsed.options;
  const long = has(o, 'l');
  const classify = has(o, 'F');
  const all = has(o, 'a');
  const almostAll = has(o, 'A');
  const operands = parsed.operands.length ? parsed.operands : ['.'];
  let stderr = '';
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    const path = ctx.fs.resolve(ctx.cwd, name);
    if (!ctx.fs.exists(path)) {
      stderr += `${program}: cannot access '${name}': No such file or directory\n`;
      status = 2;
      continue;
    }
    const e = entry(ctx, name, path);
    if (e.directory && !has(o, 'd')) dirs.push(e);
    else files.push(e);
  }
  files.sort((a, b) => compareNames(a.name, b.name));
  dirs.sort((a, b) => compareNames(a.name, b.name));
  const show = (entries: Entry[]) => (long ? formatLong(entries, classify) : entries.map((e) => `${e.name}${classify && e.directory ? '/' : ''}\n`).join(''));
  let stdout = show(files);
  const headers = operands.length > 1 || has(o, 'R');
  const listDirectory = (dir: Entry, first: boolean) => {
    const names = (ctx.fs.list(dir.path) ?? []).filter((n) => all || almostAll || !n.startsWith('.'));
    const entries = names.map((n) => entry(ctx, n, `${dir.path === '/' ? '' : dir.path}/${n}`));
    if (all) entries.unshift({ ...entry(ctx, '.', dir.path) }, { ...entry(ctx, '..', ctx.fs.resolve(dir.path, '..')) });
    if (!first || stdout) stdout += '\n';
    if (headers) stdout += `${dir.name}:\n`;
    if (long) stdout += `total ${totalBlocks(entries)}\n`;
    stdout += show(entries);
    if (has(o, 'R')) {
      for (const child of entries) {
        if (child.directory && child.name !== '.' && child.name !== '..') listDirectory({ ...child, name: `${dir.name === '/' ? '' : dir.name}/${child.name}` }, false);
      }
    }
  };
  dirs.forEach((dir, i) => listDirectory(dir, i === 0 && files.length === 0));
  return { stdout, stderr, exitCode: status };
};
