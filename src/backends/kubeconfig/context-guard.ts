/**
 * The context guard: the kubeconfig backend works only on a context it created
 * itself (the kind backend's) or one the user named explicitly. Pointing a test
 * run at a production cluster by accident must be impossible.
 */

export class ContextRefused extends Error {}

export interface ContextDecision {
  context: string;
  reason: 'created-by-us' | 'allowed-by-user';
}

/**
 * Decides whether `context` may be used.
 * @param createdByUs contexts this run (or the kind backend) made
 * @param allowed contexts the user named with --allow-context / KUBE_SCENARIOS_ALLOW_CONTEXT
 */
export function checkContext(context: string | undefined, createdByUs: ReadonlySet<string>, allowed: readonly string[]): ContextDecision {
  if (!context) {
    throw new ContextRefused('the kubeconfig has no current context: name one with --context NAME (and allow it with --allow-context NAME)');
  }
  if (createdByUs.has(context)) return { context, reason: 'created-by-us' };
  if (allowed.includes(context)) return { context, reason: 'allowed-by-user' };
  throw new ContextRefused(
    `refusing to run scenarios on context "${context}": kube-scenarios creates and deletes namespaces there. ` +
      `If that is what you want, allow it with --allow-context ${context} (or KUBE_SCENARIOS_ALLOW_CONTEXT=${context}).`,
  );
}
