/**
 * cobra's "Did you mean this?" for an unknown command (command.go
 * SuggestionsFor, findSuggestions): commands within Levenshtein distance 2
 * (case-insensitive), commands the typed word is a prefix of, and commands
 * whose SuggestFor lists the word.
 */
import type { CommandSpec } from './command.ts';

/** cobra's ld(s, t, ignoreCase=true). */
function levenshtein(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      d[i][j] = a[i - 1] === b[j - 1] ? d[i - 1][j - 1] : Math.min(d[i - 1][j], d[i][j - 1], d[i - 1][j - 1]) + 1;
    }
  }
  return d[a.length][b.length];
}

/** The suffix cobra appends to `unknown command "x" for "kubectl"`: empty, or the suggestion block. */
export function suggestionsFor(typed: string, parent: CommandSpec): string {
  const found: string[] = [];
  for (const cmd of parent.subcommands ?? []) {
    if (levenshtein(typed, cmd.name) <= 2 || cmd.name.toLowerCase().startsWith(typed.toLowerCase())) found.push(cmd.name);
    for (const word of cmd.suggestFor ?? []) if (word.toLowerCase() === typed.toLowerCase()) found.push(cmd.name);
  }
  if (found.length === 0) return '';
  return `\n\nDid you mean this?\n${found.map((n) => `\t${n}\n`).join('')}`;
}
