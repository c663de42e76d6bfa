/**
 * Flags as data: what a kubectl command accepts, in the terms of spf13/pflag
 * (the flag library under cobra). Each command module lists its own specs; the
 * parser (parse-flags.ts) gives them pflag's semantics.
 */

/**
 * pflag value kinds kubectl uses. `stringSlice` splits each occurrence on commas
 * (`-L a,b`, `-f x,y`); `stringArray` keeps each occurrence whole (`--from-literal=a=b,c`).
 * `int32` / `int64` bound the range as strconv.ParseInt(s, 0, bits) does.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'int32' | 'int64' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  /** One character, e.g. `n` for `-n`. */
  shorthand?: string;
  type: FlagType;
  /** The default in its string form (`"none"`, `"-1"`, `"30s"`); bool defaults to false, lists to empty. */
  default?: string;
  /** pflag NoOptDefVal: the value a bare `--flag` takes. Bools have "true". */
  noOptDefVal?: string;
  /** pflag MarkDeprecated: still accepted, prints `Flag --name has been deprecated, <msg>` on stderr. */
  deprecated?: string;
}

/** Builders that keep the per-command tables short. */
export const bool = (name: string, shorthand?: string, def = 'false'): FlagSpec => ({ name, shorthand, type: 'bool', default: def, noOptDefVal: 'true' });
export const str = (name: string, shorthand?: string, def = ''): FlagSpec => ({ name, shorthand, type: 'string', default: def });
export const int = (name: string, shorthand: string | undefined, def: string, type: 'int' | 'int32' | 'int64' = 'int'): FlagSpec => ({ name, shorthand, type, default: def });
export const strArray = (name: string, shorthand?: string): FlagSpec => ({ name, shorthand, type: 'stringArray' });
export const strSlice = (name: string, shorthand?: string): FlagSpec => ({ name, shorthand, type: 'stringSlice' });
export const duration = (name: string, def: string): FlagSpec => ({ name, type: 'duration', default: def });

/**
 * The persistent flags of the root command (kubectl options): kubectl's
 * genericclioptions.ConfigFlags, klog's -v / --vmodule and the warnings flag.
 * Source: `kubectl options` of the 1.31 binary.
 */
export const GLOBAL_FLAGS: FlagSpec[] = [
  str('as'),
  strArray('as-group'),
  str('as-uid'),
  str('cache-dir', undefined, '/root/.kube/cache'),
  str('certificate-authority'),
  str('client-certificate'),
  str('client-key'),
  str('cluster'),
  str('context'),
  bool('disable-compression'),
  bool('insecure-skip-tls-verify'),
  str('kubeconfig'),
  duration('log-flush-frequency', '5s'),
  bool('match-server-version'),
  str('namespace', 'n'),
  str('password'),
  str('profile', undefined, 'none'),
  str('profile-output', undefined, 'profile.pprof'),
  str('request-timeout', undefined, '0'),
  str('server', 's'),
  str('tls-server-name'),
  str('token'),
  str('user'),
  str('username'),
  int('v', 'v', '0', 'int32'),
  str('vmodule'),
  bool('warnings-as-errors'),
];

/** `-f/--filename`, `-k/--kustomize`, `-R/--recursive` (cmd/util AddFilenameOptionFlags). */
export const FILENAME_FLAGS: FlagSpec[] = [strSlice('filename', 'f'), str('kustomize', 'k'), bool('recursive', 'R')];

/** `--dry-run` with NoOptDefVal "unchanged" (cmd/util AddDryRunFlag). */
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged' };

/** The printer flags of commands that print the object they wrote (genericclioptions.PrintFlags). */
export const PRINT_FLAGS: FlagSpec[] = [
  bool('allow-missing-template-keys', undefined, 'true'),
  str('output', 'o'),
  bool('show-managed-fields'),
  str('template'),
];
