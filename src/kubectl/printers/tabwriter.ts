/**
 * Go's text/tabwriter, the column aligner behind every kubectl table and describe output.
 *
 * A port of the elastic-tabstop algorithm of golang.org/src/text/tabwriter/tabwriter.go
 * (format and writeLines) for the flag-less configuration kubectl uses: a cell is text
 * terminated by a tab; the last cell of a line is not part of a column; a column block
 * is a run of consecutive lines that have a cell in that column, and its width is the
 * widest cell plus padding, at least minWidth. Widths count code points, as Go counts runes.
 */

export interface TabWriterSettings {
  minWidth: number;
  /** Only used when the pad character is a tab; kept for parity with tabwriter.NewWriter. */
  tabWidth: number;
  padding: number;
  padChar: string;
}

/** kubectl get: printers.GetNewTabWriter in k8s.io/cli-runtime/pkg/printers/tabwriter.go (minwidth 6, tabwidth 4, padding 3). */
export const KUBECTL_GET_TABWRITER: TabWriterSettings = { minWidth: 6, tabWidth: 4, padding: 3, padChar: ' ' };

/** kubectl describe: tabbedString in k8s.io/kubectl/pkg/describe/describe.go (minwidth 0, tabwidth 8, padding 2). */
export const KUBECTL_DESCRIBE_TABWRITER: TabWriterSettings = { minWidth: 0, tabWidth: 8, padding: 2, padChar: ' ' };

interface Cell {
  text: string;
  width: number;
}

function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function splitLines(text: string): Cell[][] {
  const lines = text.split('\n');
  return lines.map((line, i) => {
    if (line === '') return [];
    const cells = line.split('\t').map((cell) => ({ text: cell, width: runeCount(cell) }));
    // A newline terminates the cell it ends, even an empty one; Flush drops an empty unterminated last cell.
    if (i === lines.length - 1 && cells[cells.length - 1].text === '') cells.pop();
    return cells;
  });
}

/** Aligns tab-separated text in one go, as writing it all to a tabwriter and flushing once. */
export function alignColumns(text: string, settings: TabWriterSettings): string {
  const lines = splitLines(text);
  const widths: number[] = [];
  let out = '';

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        const cell = line[j];
        out += cell.text;
        if (j < widths.length) out += settings.padChar.repeat(widths[j] - cell.width);
      }
      // The text after the last newline is written without one.
      if (i + 1 < lines.length) out += '\n';
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      writeLines(line0, current);
      line0 = current;
      let width = settings.minWidth;
      for (; current < line1; current++) {
        const line = lines[current];
        if (column >= line.length - 1) break;
        const w = line[column].width + settings.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out;
}

/**
 * An incremental writer: text accumulates until flush(), which aligns what was written
 * since the previous flush independently, as a Go tabwriter.Flush does.
 */
export class TabWriter {
  private pending = '';
  private flushed = '';

  constructor(private readonly settings: TabWriterSettings) {}

  write(text: string): void {
    this.pending += text;
  }

  flush(): void {
    if (this.pending === '') return;
    this.flushed += alignColumns(this.pending, this.settings);
    this.pending = '';
  }

  /** Everything written, aligned; flushes first. */
  toString(): string {
    this.flush();
    return this.flushed;
  }
}
