/**
 * A script cut into its complete commands (a line with its here-documents),
 * by the same parser the embedded shell uses: real backends run each in the
 * user's real shell and report each one's output. A script with a syntax error
 * is returned whole from that point, so the real shell gives its own message.
 */
import { Parser } from './parser/parser.ts';
import { ShellSyntaxError } from './parser/syntax-error.ts';

export function splitCommands(script: string): string[] {
  const parser = new Parser(script, 'dash');
  const commands: string[] = [];
  for (;;) {
    try {
      if (!parser.nextCompleteCommand()) return commands;
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      commands.push(script.slice(parser.commandStart).replace(/\n+$/, ''));
      return commands;
    }
    const text = parser.commandText().trim();
    if (text !== '') commands.push(text);
  }
}
