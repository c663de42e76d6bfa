/**
 * Quoting arguments into a command line for ProgramContext.run: programs that
 * start other programs (env, xargs) hand the shell a line that reads back as
 * exactly these words.
 */

export function quoteWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(words: readonly string[]): string {
  return words.map(quoteWord).join(' ');
}
