/**
 * `which` (debianutils): for each name, the first file of that name in a
 * PATH directory; a place whose programs are not files answers through the
 * shell's `command -v`. Prints nothing for a missing name; status 1 if any is.
 */
import type { Program } from '../types.ts';
import { quoteWord } from './shell-words.ts';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const which: Program = async (ctx) => {
  const names = ctx.argv.slice(1).filter((a) => a !== '-a' && a !== '-s');
  const path = (ctx.env.get('PATH') ?? DEFAULT_PATH).split(':');
  let stdout = '';
  let missing = names.length === 0;
  for (const name of names) {
    let found: string | undefined;
    if (name.includes('/')) found = ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, name)) !== undefined ? name : undefined;
    else {
      for (const dir of path) {
        const candidate = `${dir === '' ? '.' : dir}/${name}`;
        if (ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, candidate)) !== undefined) {
          found = candidate;
          break;
        }
      }
      if (!found) {
        const answer = (await ctx.run(`command -v ${quoteWord(name)}`)).stdout.trim();
        if (answer.startsWith('/')) found = answer;
      }
    }
    if (found) stdout += `${found}\n`;
    else missing = true;
  }
  return { stdout, stderr: '', exitCode: missing ? 1 : 0 };
};
