/**
 * The namespace a command works in: `-n/--namespace` when given (then
 * "enforced": objects from files must not name another one), else the
 * kubeconfig context's namespace (ToRawKubeConfigLoader().Namespace()).
 */
import type { Invocation } from './command.ts';

export interface CommandNamespace {
  namespace: string;
  /** True when `-n` was given explicitly. */
  enforce: boolean;
}

export function commandNamespace(inv: Invocation): CommandNamespace {
  const flag = inv.flags.string('namespace');
  if (flag !== '') return { namespace: flag, enforce: true };
  return { namespace: inv.host.namespace || 'default', enforce: false };
}
