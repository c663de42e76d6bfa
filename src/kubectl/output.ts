/** What one kubectl run writes: stdout and stderr, in order within each stream. */
export class Output {
  stdout = '';
  stderr = '';

  out(text: string): void {
    this.stdout += text;
  }

  err(text: string): void {
    this.stderr += text;
  }

  /** A server or client warning as kubectl's WarningPrinter writes it without colour (stderr is not a terminal). */
  warning(message: string): void {
    this.stderr += `Warning: ${message}\n`;
  }
}
