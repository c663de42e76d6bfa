/**
 * Stage 2: real nodes (kubelet, containerd, kube-proxy) in network namespaces,
 * provided by reference-cluster/node/. Loaded only when stage 2 is asked for.
 */
import { join } from 'node:path';
import type { Layout } from '../layout.ts';
import type { NodeNetwork } from '../network.ts';
import { ensureNodeNamespace } from '../network.ts';
import { API_SERVER_URL } from './components.ts';

interface NodeModule {
  buildImages(opts: { cacheDir: string; log: (line: string) => void }): Promise<void>;
  startNode(opts: { name: string; netns: string; address: string; podCidr: string; apiServer: string; pkiDir: string; stateDir: string; binDir: string; log: (line: string) => void }): Promise<{ pids: number[]; describe: string[] }>;
}

export async function startRealNodes(l: Layout, nodes: NodeNetwork[], log: (line: string) => void): Promise<string[]> {
  const mod = (await import(new URL('../node/node.ts', import.meta.url).href)) as NodeModule;
  await mod.buildImages({ cacheDir: join(l.cacheDir, 'images'), log });
  const lines: string[] = [];
  for (const [i, n] of nodes.entries()) {
    ensureNodeNamespace(n);
    const started = await mod.startNode({
      name: n.node,
      netns: n.netns,
      address: n.address,
      podCidr: `10.244.${i + 1}.0/24`,
      apiServer: API_SERVER_URL,
      pkiDir: l.pkiDir,
      stateDir: join(l.runDir, 'nodes', n.netns),
      binDir: l.binDir,
      log,
    });
    lines.push(...started.describe);
  }
  return lines;
}
