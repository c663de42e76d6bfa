/**
 * The same program context with other arguments: for a utility that runs
 * another (egrep is grep -E, seq -f uses printf). Spreading the context would
 * read its standard input, which a program must only take when it reads it.
 */
import type { ProgramContext } from '../types.ts';

export function withArguments(ctx: ProgramContext, argv: string[]): ProgramContext {
  const child = Object.create(ctx) as ProgramContext;
  child.argv = argv;
  return child;
}
