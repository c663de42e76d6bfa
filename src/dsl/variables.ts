/**
 * Remembered values: `When I remember the output as "IP"` stores a value, and
 * `${IP}` in any later step text, doc string or table cell is replaced by it.
 * Only remembered names are replaced, so a shell's own `${HOME}` passes through.
 */

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export class ScenarioVariables {
  private readonly values = new Map<string, string>();

  set(name: string, value: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new Error(`"${name}" cannot be remembered: a name is letters, digits and underscores, not starting with a digit`);
    }
    this.values.set(name, value);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** Replaces `${NAME}` for every remembered NAME; leaves other `${...}` untouched. */
  substitute(text: string): string {
    if (this.values.size === 0 || !text.includes('${')) return text;
    return text.replace(REFERENCE, (whole, name: string) => this.values.get(name) ?? whole);
  }

  names(): string[] {
    return [...this.values.keys()];
  }
}
