/**
 * The writer every describer prints through: PrefixWriter and tabbedString of
 * k8s.io/kubectl/pkg/describe/describe.go. Each level indents by two spaces; the text goes
 * through a tabwriter (minwidth 0, tabwidth 8, padding 2), so `Label:\tvalue` lines of a block
 * align on their values. flush() aligns what was written so far independently of what follows.
 */
import { KUBECTL_DESCRIBE_TABWRITER, TabWriter } from '../printers/tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class PrefixWriter {
  private readonly out = new TabWriter(KUBECTL_DESCRIBE_TABWRITER);

  /** Writes text indented by `level` levels (the indent applies once, before the text). */
  write(level: number, text: string): void {
    this.out.write('  '.repeat(level) + text);
  }

  /** fmt.Sprintln: the text and a newline, without indentation. */
  writeLine(text = ''): void {
    this.out.write(`${text}\n`);
  }

  flush(): void {
    this.out.flush();
  }

  toString(): string {
    return this.out.toString();
  }
}

/** tabbedString: runs a describer body against a fresh writer and returns the aligned text. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.toString();
}
