/** `tee` (GNU coreutils src/tee.c): copies standard input to each file and to standard output; -a appends. */
import { FileSystemError, type CommandResult, type Program } from '../types.ts';
import { has, parseCommandLine, usageError } from './command-line.ts';
import { errnoText } from './errno-text.ts';

const SPECS = [
  { name: 'a', short: 'a', long: 'append' },
  { name: 'i', short: 'i', long: 'ignore-interrupts' },
  { name: 'p', short: 'p' },
];

export const tee: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const text = ctx.stdin;
  let stderr = '';
  for (const name of parsed.operands) {
    if (name === '/dev/null') continue;
    try {
      ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, name), text, { append: has(parsed.options, 'a') });
    } catch (error) {
      if (!(error instanceof FileSystemError)) throw error;
      stderr += `${program}: ${name}: ${errnoText(error.code)}\n`;
    }
  }
  return { stdout: text, stderr, exitCode: stderr ? 1 : 0 };
};
