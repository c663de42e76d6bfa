/**
 * Settings of one run, from cucumber's world parameters (set by a profile or
 * the `features` command) and the environment. The environment wins, so that
 * `KUBE_SCENARIOS_BACKEND=kind npm run features` does what it says.
 */
import type { BackendName } from './backend.ts';

export interface RunSettings {
  backend: BackendName;
  /** Seed of every random choice of the memory backend; printed in the report for replays. */
  seed: string;
  /** How long waiting steps wait before they fail, in seconds (virtual on memory). */
  waitTimeoutSeconds: number;
  /** Seconds between two checks of a waiting step. */
  waitIntervalSeconds: number;
  /** kubeconfig backend: the context to use, and the contexts the user allows us to touch. */
  context?: string;
  allowContexts: string[];
  kubeconfig?: string;
}

const BACKENDS: readonly BackendName[] = ['memory', 'kind', 'kubeconfig'];

export class SettingsError extends Error {}

export function parseBackendName(value: string): BackendName {
  if ((BACKENDS as readonly string[]).includes(value)) return value as BackendName;
  throw new SettingsError(`unknown backend "${value}": choose one of ${BACKENDS.join(', ')}`);
}

function positiveNumber(name: string, value: unknown, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new SettingsError(`${name} must be a positive number of seconds, not "${String(value)}"`);
  return n;
}

/** Reads the settings; `worldParameters` come from cucumber, `env` from the process. */
export function readRunSettings(worldParameters: Record<string, unknown>, env: NodeJS.ProcessEnv, makeSeed: () => string): RunSettings {
  const backendName = env.KUBE_SCENARIOS_BACKEND || (worldParameters.backend as string | undefined) || 'memory';
  const seed = env.KUBE_SCENARIOS_SEED || (worldParameters.seed as string | undefined) || makeSeed();
  return {
    backend: parseBackendName(backendName),
    seed,
    waitTimeoutSeconds: positiveNumber('KUBE_SCENARIOS_WAIT_TIMEOUT', env.KUBE_SCENARIOS_WAIT_TIMEOUT ?? worldParameters.waitTimeoutSeconds, 120),
    waitIntervalSeconds: positiveNumber('KUBE_SCENARIOS_WAIT_INTERVAL', env.KUBE_SCENARIOS_WAIT_INTERVAL ?? worldParameters.waitIntervalSeconds, 1),
    context: env.KUBE_SCENARIOS_CONTEXT || (worldParameters.context as string | undefined),
    allowContexts: (env.KUBE_SCENARIOS_ALLOW_CONTEXT || (worldParameters.allowContext as string | undefined) || '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    kubeconfig: env.KUBECONFIG || (worldParameters.kubeconfig as string | undefined),
  };
}
