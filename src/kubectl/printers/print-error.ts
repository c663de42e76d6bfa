/**
 * A printing failure, carrying what kubectl writes to stderr.
 *
 * `message` is kubectl's exact stderr text without its final newline (a few messages, such as
 * JSONPath execution errors, end with further blank lines, which are kept); kubectl exits with
 * status 1 (cmdutil.CheckErr in k8s.io/kubectl/pkg/cmd/util/helpers.go).
 */
export class PrintError extends Error {
  readonly exitCode = 1;

  constructor(message: string) {
    super(message);
    this.name = 'PrintError';
  }
}

/** An error as cmdutil.CheckErr prints it: `error: ` unless the text already starts with it. */
export function printErrorFromText(text: string): PrintError {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  return new PrintError(trimmed.startsWith('error: ') ? trimmed : `error: ${trimmed}`);
}
