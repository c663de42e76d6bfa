/**
 * The kind backend: the kubeconfig backend on the cluster `npm run features`
 * made for the run, allowed without KUBE_SCENARIOS_ALLOW_CONTEXT because this
 * run created its context, with shells on the nodes through `docker exec`.
 */
import type { Capability } from '../../backend/backend.ts';
import { SettingsError, type RunSettings } from '../../backend/run-settings.ts';
import { KubeconfigBackend, type KubeconfigBackendOptions } from '../kubeconfig/kubeconfig-backend.ts';
import { DockerExecNodeShell } from '../kubeconfig/node-shell.ts';
import { KIND_CLUSTER_ENV, receiveHandle } from './cluster-handoff.ts';

/** Opens the kind backend on the handed-in cluster. */
export async function openKindBackend(
  settings: RunSettings,
  env: NodeJS.ProcessEnv,
  common: Pick<KubeconfigBackendOptions, 'splitCommands' | 'runId'> & { declaredCapabilities: Capability[] },
): Promise<KubeconfigBackend> {
  const handle = receiveHandle(env);
  if (!handle) {
    throw new SettingsError(
      `the kind backend runs on a cluster made before cucumber starts, and none was handed in (${KIND_CLUSTER_ENV} is not set): ` +
        'run `npm run features -- --backend kind` rather than cucumber-js directly',
    );
  }
  const backend = new KubeconfigBackend(
    // The cluster's own kubeconfig and context, whatever KUBECONFIG says.
    { ...settings, kubeconfig: handle.kubeconfigPath, context: handle.context },
    {
      ...common,
      backendName: 'kind',
      createdContexts: new Set([handle.context]),
      nodeShell: new DockerExecNodeShell(),
      declaredCapabilities: [...new Set([...common.declaredCapabilities, ...handle.capabilities])],
    },
  );
  await backend.open();
  return backend;
}
