/**
 * Shell variables: value, export and read-only flags, and the save/restore
 * that `local` and per-command assignments (`A=1 cmd`) need.
 *
 * Entries are never changed in place, only replaced, so a saved entry stays
 * valid, and a subshell shares its parent's table until either writes to it
 * (copy on write): the commands of a pipeline seldom set variables. The
 * exported environment is kept until an exported variable changes.
 */

interface Variable {
  /** undefined: declared (exported or read-only) but unset. */
  readonly value: string | undefined;
  readonly exported: boolean;
  readonly readonly: boolean;
}

export class ReadonlyVariableError extends Error {
  constructor(readonly variable: string) {
    super(`${variable}: is read only`);
  }
}

/** A saved state to put back: `undefined` when the variable did not exist. */
export type SavedVariable = { name: string; saved: Variable | undefined };

export class Variables {
  private map = new Map<string, Variable>();
  /** Whether `map` is this object's alone; a shared one is copied before the first write. */
  private owned = true;
  private environmentCache: Map<string, string> | undefined;

  /** Starts from an environment: every variable in it is exported. */
  constructor(environment?: ReadonlyMap<string, string>) {
    if (environment) for (const [name, value] of environment) this.map.set(name, { value, exported: true, readonly: false });
  }

  /** An independent copy, for a subshell. */
  clone(): Variables {
    const copy = new Variables();
    copy.map = this.map;
    copy.owned = false;
    this.owned = false;
    copy.environmentCache = this.environmentCache;
    return copy;
  }

  private put(name: string, variable: Variable | undefined): void {
    if (!this.owned) {
      this.map = new Map(this.map);
      this.owned = true;
    }
    const old = this.map.get(name);
    if (variable) this.map.set(name, variable);
    else this.map.delete(name);
    if (old?.exported || variable?.exported) this.environmentCache = undefined;
  }

  get(name: string): string | undefined {
    return this.map.get(name)?.value;
  }

  isSet(name: string): boolean {
    return this.map.get(name)?.value !== undefined;
  }

  isReadonly(name: string): boolean {
    return this.map.get(name)?.readonly === true;
  }

  set(name: string, value: string, flags: { export?: boolean } = {}): void {
    const v = this.map.get(name);
    if (v?.readonly) throw new ReadonlyVariableError(name);
    this.put(name, { value, exported: flags.export === true || v?.exported === true, readonly: false });
  }

  /** `export NAME`: marks it exported, set or not. */
  markExported(name: string): void {
    const v = this.map.get(name);
    this.put(name, { value: v?.value, exported: true, readonly: v?.readonly === true });
  }

  /** `readonly NAME`. */
  markReadonly(name: string): void {
    const v = this.map.get(name);
    this.put(name, { value: v?.value, exported: v?.exported === true, readonly: true });
  }

  unset(name: string): void {
    if (this.map.get(name)?.readonly) throw new ReadonlyVariableError(name);
    this.put(name, undefined);
  }

  /** The state of a variable, to restore after a temporary change. */
  save(name: string): SavedVariable {
    return { name, saved: this.map.get(name) };
  }

  restore(saved: SavedVariable): void {
    this.put(saved.name, saved.saved);
  }

  /** The environment a program gets: exported variables that are set. A fresh Map the caller may keep. */
  environment(): Map<string, string> {
    if (!this.environmentCache) {
      const env = new Map<string, string>();
      for (const [name, v] of this.map) if (v.exported && v.value !== undefined) env.set(name, v.value);
      this.environmentCache = env;
    }
    return new Map(this.environmentCache);
  }

  /** All variables in name order, for `set`, `export -p` and `readonly -p`. */
  entries(): Array<{ name: string; value: string | undefined; exported: boolean; readonly: boolean }> {
    return [...this.map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, v]) => ({ name, ...v }));
  }
}
