/**
 * The command tree as data, after cobra: each command has a name, its local
 * flags, optional subcommands and a run function. kubectl.ts walks the tree
 * the way cobra's Find does and parses flags the way pflag does.
 */
import type { ProgramContext } from '../shell/types.ts';
import type { FlagSpec } from './flags/flag-spec.ts';
import type { FlagValues } from './flags/parse-flags.ts';
import type { KubectlHost } from './host.ts';
import type { Output } from './output.ts';

/** Everything a command's run function gets. */
export interface Invocation {
  host: KubectlHost;
  ctx: ProgramContext;
  flags: FlagValues;
  /** Positional arguments (flags removed), including those after `--`. */
  args: string[];
  /** cobra ArgsLenAtDash: positional arguments before `--`, or -1. */
  argsLenAtDash: number;
  out: Output;
  /** `kubectl create deployment`: what usage and flag errors name. */
  commandPath: string;
}

export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** cobra SuggestFor: words that suggest this command when typed unknown. */
  suggestFor?: string[];
  /** Local flags; the global flags are added by kubectl.ts. */
  flags: FlagSpec[];
  /** cobra MarkFlagRequired: checked after parsing, `required flag(s) "x" not set`. */
  requiredFlags?: string[];
  subcommands?: CommandSpec[];
  /** Absent for groups (`rollout`, `config`, `create service`): kubectl's DefaultSubCommandRun. */
  run?: (inv: Invocation) => Promise<void> | void;
}
