/**
 * File utilities of GNU coreutils: `touch`, `mkdir` (-p, -v), `rm` (-f,
 * -r/-R, -d, -v) and `rmdir`. No modes, owners or times: a memory file
 * system keeps only names and contents. Texts checked on this machine:
 * `${program}: cannot remove 'x': No such file or directory`,
 * `${program}: cannot create directory 'd': File exists`,
 * `${program}: cannot touch 'a/b': Not a directory`.
 */
import { FileSystemError, type CommandResult, type Program, type ProgramContext } from '../types.ts';
import { has, parseCommandLine, usageError } from './command-line.ts';
import { errnoText } from './errno-text.ts';

function missingOperand(program: string, what = 'missing operand'): CommandResult {
  return usageError(program, what, 1);
}

/** The errno creating `path` would meet: ENOTDIR when a leading component is a file, else ENOENT. */
function creationError(ctx: ProgramContext, path: string): 'ENOENT' | 'ENOTDIR' {
  const parts = path.split('/').filter(Boolean);
  let prefix = '';
  for (let i = 0; i < parts.length - 1; i++) {
    prefix += `/${parts[i]}`;
    if (ctx.fs.readFile(prefix) !== undefined) return 'ENOTDIR';
  }
  return 'ENOENT';
}

export const touch: Program = (ctx) => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), [
    { name: 'c', short: 'c', long: 'no-create' },
    { name: 'a', short: 'a' },
    { name: 'm', short: 'm' },
    { name: 'd', short: 'd', long: 'date', argument: 'required' },
    { name: 't', short: 't', argument: 'required' },
    { name: 'r', short: 'r', long: 'reference', argument: 'required' },
  ]);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  if (parsed.operands.length === 0) return missingOperand(program, 'missing file operand');
  let stderr = '';
  for (const name of parsed.operands) {
    const path = ctx.fs.resolve(ctx.cwd, name);
    if (ctx.fs.exists(path) || has(parsed.options, 'c')) continue;
    try {
      ctx.fs.writeFile(path, '');
    } catch (error) {
      if (!(error instanceof FileSystemError)) throw error;
      const code = error.code === 'ENOENT' ? creationError(ctx, path) : error.code;
      stderr += `${program}: cannot touch '${name}': ${errnoText(code)}\n`;
    }
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

export const mkdir: Program = (ctx) => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), [
    { name: 'p', short: 'p', long: 'parents' },
    { name: 'v', short: 'v', long: 'verbose' },
    { name: 'm', short: 'm', long: 'mode', argument: 'required' },
  ]);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  if (parsed.operands.length === 0) return missingOperand(program);
  const parents = has(parsed.options, 'p');
  let stdout = '';
  let stderr = '';
  for (const name of parsed.operands) {
    const path = ctx.fs.resolve(ctx.cwd, name);
    try {
      if (parents) {
        // -v names each directory it creates, outermost first.
        const created: string[] = [];
        let shown = name.startsWith('/') ? '' : '.';
        for (const part of name.split('/').filter(Boolean)) {
          shown = shown === '' ? `/${part}` : shown === '.' ? part : `${shown}/${part}`;
          if (!ctx.fs.exists(ctx.fs.resolve(ctx.cwd, shown))) created.push(shown);
        }
        ctx.fs.mkdir(path, { recursive: true });
        if (has(parsed.options, 'v')) for (const dir of created) stdout += `${program}: created directory '${dir}'\n`;
      } else {
        ctx.fs.mkdir(path);
        if (has(parsed.options, 'v')) stdout += `${program}: created directory '${name}'\n`;
      }
    } catch (error) {
      if (!(error instanceof FileSystemError)) throw error;
      const code = error.code === 'ENOENT' ? creationError(ctx, path) : error.code;
      stderr += `${program}: cannot create directory '${name}': ${errnoText(code)}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

export const rm: Program = (ctx) => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), [
    { name: 'f', short: 'f', long: 'force' },
    { name: 'r', short: 'r', long: 'recursive' },
    { name: 'r', short: 'R' },
    { name: 'd', short: 'd', long: 'dir' },
    { name: 'v', short: 'v', long: 'verbose' },
    { name: 'i', short: 'i' },
    { name: 'no-preserve-root', long: 'no-preserve-root' },
  ]);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  const force = has(o, 'f');
  if (parsed.operands.length === 0) return force ? { stdout: '', stderr: '', exitCode: 0 } : missingOperand(program);
  let stdout = '';
  let stderr = '';
  for (const name of parsed.operands) {
    const path = ctx.fs.resolve(ctx.cwd, name);
    if (path === '/' && has(o, 'r') && !has(o, 'no-preserve-root')) {
      stderr += "rm: it is dangerous to operate recursively on '/'\n${program}: use --no-preserve-root to override this failsafe\n";
      continue;
    }
    if (!ctx.fs.exists(path)) {
      if (!force) stderr += `${program}: cannot remove '${name}': ${errnoText(creationError(ctx, path))}\n`;
      continue;
    }
    const directory = ctx.fs.isDirectory(path);
    if (directory && !has(o, 'r') && !(has(o, 'd') && (ctx.fs.list(path) ?? []).length === 0)) {
      stderr += `${program}: cannot remove '${name}': Is a directory\n`;
      continue;
    }
    try {
      ctx.fs.remove(path, { recursive: has(o, 'r') });
      if (has(o, 'v')) stdout += directory ? `removed directory '${name}'\n` : `removed '${name}'\n`;
    } catch (error) {
      if (!(error instanceof FileSystemError)) throw error;
      stderr += `${program}: cannot remove '${name}': ${errnoText(error.code)}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

export const rmdir: Program = (ctx) => {
  const program = ctx.argv[0];
  const operands = ctx.argv.slice(1).filter((a) => a !== '-p' && a !== '--');
  if (operands.length === 0) return missingOperand(program);
  let stderr = '';
  for (const name of operands) {
    const path = ctx.fs.resolve(ctx.cwd, name);
    if (!ctx.fs.exists(path)) stderr += `${program}: failed to remove '${name}': No such file or directory\n`;
    else if (!ctx.fs.isDirectory(path)) stderr += `${program}: failed to remove '${name}': Not a directory\n`;
    else if ((ctx.fs.list(path) ?? []).length > 0) stderr += `${program}: failed to remove '${name}': Directory not empty\n`;
    else {
      try {
        ctx.fs.remove(path);
      } catch (error) {
        if (!(error instanceof FileSystemError)) throw error;
        stderr += `${program}: failed to remove '${name}': ${errnoText(error.code)}\n`;
      }
    }
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};
