/**
 * File access as a Go program sees it (os.ReadFile, os.WriteFile), with Go's
 * error texts: what cfssl and cfssljson print when a file is missing.
 */
import { FileSystemError, type ProgramContext } from '../../shell/types.ts';
import { goPathError } from './go-path-error.ts';

/** ioutil.ReadFile, or for "-" all of stdin (cfssl's cli.ReadStdin). */
export function goReadFile(ctx: ProgramContext, path: string): { ok: true; text: string } | { ok: false; error: string } {
  if (path === '-') return { ok: true, text: ctx.stdin };
  const full = ctx.fs.resolve(ctx.cwd, path);
  if (ctx.fs.isDirectory(full)) return { ok: false, error: goPathError('read', path, 'EISDIR') };
  const text = ctx.fs.readFile(full);
  return text === undefined ? { ok: false, error: goPathError('open', path, 'ENOENT') } : { ok: true, text };
}

/** ioutil.WriteFile; the error text when it fails. */
export function goWriteFile(ctx: ProgramContext, path: string, content: string): string | undefined {
  try {
    ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, path), content);
    return undefined;
  } catch (e) {
    if (e instanceof FileSystemError) return goPathError('open', path, e.code);
    throw e;
  }
}
