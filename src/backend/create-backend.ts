/** Makes the backend a run asked for. Real backends load their heavy dependencies only when chosen. */
import type { Backend, Capability } from './backend.ts';
import { ALL_CAPABILITIES } from './backend.ts';
import type { RunSettings } from './run-settings.ts';
import { SettingsError } from './run-settings.ts';

/** KUBE_SCENARIOS_CAPABILITIES=loadbalancer,ingress: what a real cluster offers that cannot be detected. */
function declaredCapabilities(env: NodeJS.ProcessEnv): Capability[] {
  const names = (env.KUBE_SCENARIOS_CAPABILITIES ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  for (const name of names) {
    if (!(ALL_CAPABILITIES as readonly string[]).includes(name)) throw new SettingsError(`unknown capability "${name}" in KUBE_SCENARIOS_CAPABILITIES: choose from ${ALL_CAPABILITIES.join(', ')}`);
  }
  return names as Capability[];
}

export async function createBackend(settings: RunSettings): Promise<Backend> {
  switch (settings.backend) {
    case 'memory': {
      const { MemoryBackend } = await import('../backends/memory/memory-backend.ts');
      return new MemoryBackend(settings);
    }
    case 'kubeconfig': {
      const { KubeconfigBackend } = await import('../backends/kubeconfig/kubeconfig-backend.ts');
      const { splitCommands } = await import('../shell/split-commands.ts');
      const { NetnsNodeShell } = await import('../backends/kubeconfig/node-shell.ts');
      // Nodes that are network namespaces of this machine (the reference cluster): KUBE_SCENARIOS_NODE_NETNS=node=netns,...
      const netns = process.env.KUBE_SCENARIOS_NODE_NETNS;
      let nodeShell;
      try {
        nodeShell = netns ? NetnsNodeShell.fromSetting(netns) : undefined;
      } catch (e) {
        throw new SettingsError((e as Error).message);
      }
      const backend = new KubeconfigBackend(settings, {
        splitCommands,
        ...(nodeShell ? { nodeShell } : {}),
        runId: `r${settings.seed.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12)}`,
        declaredCapabilities: declaredCapabilities(process.env),
      });
      await backend.open();
      return backend;
    }
    case 'kind': {
      // The cluster itself is made before cucumber starts (src/cli/run-features.ts) and handed in through the environment.
      const { openKindBackend } = await import('../backends/kind/kind-backend.ts');
      const { splitCommands } = await import('../shell/split-commands.ts');
      return openKindBackend(settings, process.env, {
        splitCommands,
        runId: `r${settings.seed.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12)}`,
        declaredCapabilities: declaredCapabilities(process.env),
      });
    }
  }
}
