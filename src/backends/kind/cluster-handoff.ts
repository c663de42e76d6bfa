/**
 * How the cluster made before cucumber starts reaches the backend of every
 * worker: `npm run features` puts the handle into the environment (cucumber's
 * parallel workers inherit it) and the world parameters (for the report); the
 * backend reads it back.
 */
import { ALL_CAPABILITIES, type Capability } from '../../backend/backend.ts';
import { SettingsError } from '../../backend/run-settings.ts';
import type { KindClusterHandle } from './kind-cluster.ts';

export const KIND_CLUSTER_ENV = 'KUBE_SCENARIOS_KIND_CLUSTER';

/** Puts the handle where workers find it; returns the world parameter that names it. */
export function handOff(handle: KindClusterHandle, env: NodeJS.ProcessEnv): { kindCluster: KindClusterHandle } {
  env[KIND_CLUSTER_ENV] = JSON.stringify(handle);
  return { kindCluster: handle };
}

/** The handle a run handed in, or undefined when the backend was started without one (cucumber-js run directly). */
export function receiveHandle(env: NodeJS.ProcessEnv): KindClusterHandle | undefined {
  const text = env[KIND_CLUSTER_ENV];
  if (!text) return undefined;
  let h: Partial<KindClusterHandle>;
  try {
    h = JSON.parse(text) as Partial<KindClusterHandle>;
  } catch {
    throw new SettingsError(`${KIND_CLUSTER_ENV} is not the JSON \`npm run features -- --backend kind\` writes`);
  }
  const ok =
    typeof h.name === 'string' &&
    typeof h.context === 'string' &&
    typeof h.kubeconfigPath === 'string' &&
    Array.isArray(h.nodes) &&
    h.nodes.every((n) => typeof n === 'string') &&
    Array.isArray(h.capabilities) &&
    h.capabilities.every((c) => (ALL_CAPABILITIES as readonly string[]).includes(c));
  if (!ok) throw new SettingsError(`${KIND_CLUSTER_ENV} does not describe a kind cluster (name, context, kubeconfigPath, nodes, capabilities)`);
  return { name: h.name!, context: h.context!, kubeconfigPath: h.kubeconfigPath!, nodes: h.nodes!, reused: h.reused === true, capabilities: h.capabilities as Capability[] };
}
