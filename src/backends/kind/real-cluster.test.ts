/**
 * A real Kubernetes v1.31.4 control plane made by the kind backend, on a
 * machine without an image registry: the node image built by
 * testdata/build-local-kind-node-image.sh (kubelet, kubeadm, the control
 * plane's images from source) takes the place of kindest/node. Real here:
 * kubeadm init with our kubeadm configuration, the CNI and storage steps,
 * the node Ready, the host kubeconfig, and the kubeconfig backend on top —
 * namespace per scenario, commands with the real kubectl, `kubectl edit`
 * through our editor, a shell on the node. Skipped, with the reason printed,
 * without docker or that image.
 */
import { after, before, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Backend } from '../../backend/backend.ts';
import { readRunSettings } from '../../backend/run-settings.ts';
import { splitCommands } from '../../shell/split-commands.ts';
import { handOff } from './cluster-handoff.ts';
import { readKindOptions, resolveAddons } from './cluster-options.ts';
import { DockerEngine } from './docker-engine.ts';
import { openKindBackend } from './kind-backend.ts';
import { downKindCluster, upKindCluster, type KindClusterHandle } from './kind-cluster.ts';
import { Progress } from './progress.ts';

const IMAGE = 'kube-scenarios/kind-test-node:v1.31.4';

function skipReason(): string | false {
  if (spawnSync('docker', ['version', '--format', '{{.Server.Version}}']).status !== 0) return 'no docker engine is running';
  if (spawnSync('docker', ['image', 'inspect', IMAGE]).status !== 0) return `the node image ${IMAGE} is missing: run src/backends/kind/testdata/build-local-kind-node-image.sh`;
  if (spawnSync('kubectl', ['version', '--client']).status !== 0) return 'no kubectl client on this machine';
  return false;
}
const skip = skipReason();
if (skip) console.log(`# skipped: a real control plane from the kind backend: ${skip}`);

describe('a real control plane from the kind backend', { skip }, () => {
  const name = `ks-real-${process.pid}`;
  let engine: DockerEngine;
  let handle: KindClusterHandle;
  let backend: Backend;
  const progress: string[] = [];

  before(async () => {
    engine = await DockerEngine.connect();
    // Every capability but CAP_SYS_RESOURCE: this machine refuses privileged containers.
    const options = resolveAddons(readKindOptions({ 'cluster-name': name, 'kind-image': IMAGE, 'node-capabilities': 'ALL,-SYS_RESOURCE', workers: '0' }, {}), new Set());
    handle = await upKindCluster(options, {
      engine,
      progress: new Progress((t) => progress.push(t)),
      kubeconfigDir: mkdtempSync(join(tmpdir(), 'kind-real-')),
      recreate: true,
      keep: false,
      creator: `test:${process.pid}`,
      creatorAlive: () => false,
      sleep: (s) => new Promise((resolve) => setTimeout(resolve, s * 1000)),
      nodeStartupSeconds: 180,
    });
    const env: NodeJS.ProcessEnv = {};
    handOff(handle, env);
    const settings = readRunSettings({ backend: 'kind' }, { KUBE_SCENARIOS_WAIT_TIMEOUT: '60' }, () => 'realcluster');
    backend = await openKindBackend(settings, env, { splitCommands, runId: 'rreal', declaredCapabilities: [] });
    await backend.startScenario({ id: 'real-1', name: 'real', tags: [], seed: 'realcluster' });
  });

  after(async () => {
    await backend?.endScenario();
    if (handle) await downKindCluster(handle, engine, new Progress(() => {}));
  });

  it('comes up through kubeadm with our configuration, the node Ready at the version of the image', async () => {
    expect(progress.filter((l) => l.startsWith(' ✓')).length).to.equal(7);
    const r = await backend.run(`kubectl get node ${name}-control-plane -o jsonpath='{.status.nodeInfo.kubeletVersion} {.status.conditions[?(@.type=="Ready")].status}'`);
    expect(r.stdout).to.equal('v1.31.4 True');
  });

  it('runs a scenario\'s commands with the real kubectl in the scenario\'s own namespace', async () => {
    const r = await backend.run('kubectl create configmap greeting --from-literal=text=hello\nkubectl get configmap greeting -o jsonpath={.data.text}');
    expect(r.commands.map((c) => [c.result.exitCode, c.result.stdout])).to.deep.equal([
      [0, 'configmap/greeting created\n'],
      [0, 'hello'],
    ]);
    const ns = await backend.run('kubectl config view --minify -o jsonpath={..namespace}');
    expect(ns.stdout).to.match(/^ks-rreal-/);
  });

  it('drives kubectl edit through our editor', async () => {
    await backend.queueEdit({ path: 'data.text', value: 'edited' });
    const r = await backend.run('kubectl edit configmap greeting');
    expect([r.exitCode, r.stdout]).to.deep.equal([0, 'configmap/greeting edited\n']);
    expect((await backend.run('kubectl get configmap greeting -o jsonpath={.data.text}')).stdout).to.equal('edited');
  });

  it('gives a shell on the node, where kube-proxy has programmed the service rules', async () => {
    // kube-proxy starts after the node is Ready: wait for its rule of the kubernetes service.
    const rules = () => backend.run('iptables-save -t nat', { kind: 'node', node: `${name}-control-plane` });
    const programmed = await backend.waitUntil(async () => (await rules()).stdout.includes('default/kubernetes:https cluster IP'), { timeoutSeconds: 120, intervalSeconds: 2 });
    expect(programmed).to.equal(true);
    expect((await rules()).stdout).to.match(/-A KUBE-SERVICES -d 10\.96\.0\.1\/32 -p tcp -m comment --comment "default\/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-/);
  });
});
