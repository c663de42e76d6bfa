/**
 * The descriptors a command runs with. Output is collected into strings:
 * programs return their whole output at once, and a pipeline runs its
 * commands one after the other, each reading what the previous one wrote.
 */
import type { FileSystem } from '../types.ts';

/** A readable descriptor: `read` takes lines, a program takes the rest. */
export class InputStream {
  private pos = 0;

  constructor(
    private readonly text: string,
    /** Opened from a regular file (`< file`), not a pipe or a here-document. */
    readonly fromFile = false,
  ) {}

  /** Everything not yet read. */
  readAll(): string {
    const rest = this.pos === 0 ? this.text : this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }

  /** The next line without its newline, whether it ended with one, or undefined at the end. */
  readLine(): { line: string; terminated: boolean } | undefined {
    if (this.pos >= this.text.length) return undefined;
    const end = this.text.indexOf('\n', this.pos);
    if (end < 0) {
      const line = this.text.slice(this.pos);
      this.pos = this.text.length;
      return { line, terminated: false };
    }
    const line = this.text.slice(this.pos, end);
    this.pos = end + 1;
    return { line, terminated: true };
  }
}


/** A writable descriptor. */
export interface OutputSink {
  write(text: string): void;
}

/** Collects what is written: the shell's own stdout and stderr, a pipe, a command substitution. */
export class BufferSink implements OutputSink {
  text = '';

  write(text: string): void {
    this.text += text;
  }
}

/** Discards what is written: /dev/null and closed descriptors. */
export const NULL_SINK: OutputSink = { write: () => undefined };

/** A file opened for writing: the redirection truncated or created it, each write appends. */
export class FileSink implements OutputSink {
  constructor(
    private readonly fs: FileSystem,
    private readonly path: string,
  ) {}

  write(text: string): void {
    if (text) this.fs.writeFile(this.path, text, { append: true });
  }
}

export type Descriptor = InputStream | OutputSink;

/** The descriptor table of a command: index = descriptor number. */
export type Descriptors = readonly (Descriptor | undefined)[];

export function outputOf(fds: Descriptors, fd: number): OutputSink {
  const d = fds[fd];
  return d && !(d instanceof InputStream) ? d : NULL_SINK;
}

export function inputOf(fds: Descriptors, fd: number): InputStream {
  const d = fds[fd];
  return d instanceof InputStream ? d : new InputStream('');
}
