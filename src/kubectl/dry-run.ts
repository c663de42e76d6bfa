/** `--dry-run` as cmdutil.GetDryRunStrategy reads it (kubectl/pkg/cmd/util/helpers.go). */
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import { parseGoBool } from './flags/go-values.ts';
import { klogLine } from './klog-line.ts';

export type DryRunStrategy = 'none' | 'client' | 'server';

export function dryRunStrategy(inv: Invocation): DryRunStrategy {
  const value = inv.flags.string('dry-run');
  let asBool: boolean | undefined;
  try {
    asBool = parseGoBool(value);
  } catch {
    asBool = undefined;
  }
  const warn = (msg: string) => inv.out.err(klogLine('W', inv.host.now(), 'helpers.go:703', msg));
  if (asBool === undefined) {
    switch (value) {
      case 'unchanged':
        warn('--dry-run is deprecated and can be replaced with --dry-run=client.');
        return 'client';
      case 'client':
      case 'server':
      case 'none':
        return value;
      default:
        throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
    }
  }
  warn(`--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${asBool ? 'client' : 'none'}.`);
  return asBool ? 'client' : 'none';
}

/** The suffix kubectl adds to operation words: `created (dry run)`, `created (server dry run)`. */
export function dryRunSuffix(strategy: DryRunStrategy): string {
  return strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
}
