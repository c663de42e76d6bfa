import { describe, it } from 'node:test';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { SettingsError } from '../../backend/run-settings.ts';
import { nodeLabels } from './cluster-labels.ts';
import { readKindOptions, resolveAddons, type KindClusterOptions } from './cluster-options.ts';
import { downKindCluster, ProvisioningError, upKindCluster, type KindClusterDeps } from './kind-cluster.ts';
import type { NodeContainerSpec } from './node-container-spec.ts';
import type { NodeEngine, NodeExecResult } from './node-engine.ts';
import { Progress } from './progress.ts';
import type { ExistingNode } from './reuse-decision.ts';

const ADMIN_CONF = `apiVersion: v1
kind: Config
clusters:
- cluster: {certificate-authority-data: Q0E=, server: 'https://kind-control-plane:6443'}
  name: kind
users:
- name: kubernetes-admin
  user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}
contexts:
- context: {cluster: kind, user: kubernetes-admin}
  name: kubernetes-admin@kind
current-context: kubernetes-admin@kind
`;

/** An engine of pretend containers: records what it is asked and answers as kind's node image would. */
class FakeEngine implements NodeEngine {
  nodes = new Map<string, ExistingNode & { files: Map<string, string> }>();
  started: NodeContainerSpec[] = [];
  log: string[] = [];
  removed: string[] = [];
  /** Checks of node readiness before all nodes say True. */
  notReadyChecks = 1;
  failing?: { command: RegExp; stderr: string };

  async listNodes(cluster: string): Promise<ExistingNode[]> {
    return [...this.nodes.values()].filter((n) => n.labels['io.x-k8s.kind.cluster'] === cluster).map(({ name, labels, running }) => ({ name, labels, running }));
  }
  async ensureNetwork(): Promise<{ subnet: string | undefined }> {
    return { subnet: '172.18.0.0/16' };
  }
  async startNode(spec: NodeContainerSpec): Promise<void> {
    this.started.push(spec);
    this.nodes.set(spec.name, { name: spec.name, labels: spec.labels, running: true, files: new Map() });
  }
  async nodeAddress(node: string): Promise<string> {
    return `172.18.0.${[...this.nodes.keys()].indexOf(node) + 2}`;
  }
  async hostPort(_node: string, containerPort: number): Promise<number> {
    return containerPort === 6443 ? 39215 : 0;
  }
  async exec(node: string, argv: string[]): Promise<NodeExecResult> {
    const command = argv.join(' ');
    this.log.push(`${node}: ${command}`);
    const files = this.nodes.get(node)?.files;
    if (!files) return { exitCode: 1, stdout: '', stderr: `Error: No such container: ${node}` };
    if (this.failing?.command.test(command)) return { exitCode: 1, stdout: '', stderr: this.failing.stderr };
    if (argv[0] === 'cat') {
      const content = argv[1] === '/etc/kubernetes/admin.conf' ? ADMIN_CONF : files.get(argv[1]);
      return content === undefined ? { exitCode: 1, stdout: '', stderr: `cat: ${argv[1]}: No such file or directory` } : { exitCode: 0, stdout: content, stderr: '' };
    }
    if (command.includes('get nodes -o=jsonpath')) {
      const ready = this.notReadyChecks-- <= 0;
      const statuses = [...this.nodes.keys()].map((_, i) => (ready || i > 0 ? 'True' : 'False'));
      return { exitCode: 0, stdout: statuses.join(' '), stderr: '' };
    }
    return { exitCode: 0, stdout: '', stderr: '' };
  }
  async writeFile(node: string, path: string, content: string): Promise<void> {
    this.log.push(`${node}: write ${path}`);
    this.nodes.get(node)?.files.set(path, content);
  }
  async removeNodes(names: string[]): Promise<void> {
    this.removed.push(...names);
    for (const n of names) this.nodes.delete(n);
  }
  hostHasModules(): boolean {
    return true;
  }
}

const options = (flags = {}, tags: string[] = []): KindClusterOptions => resolveAddons(readKindOptions(flags, {}), new Set(tags));

function deps(engine: FakeEngine, over: Partial<KindClusterDeps> = {}) {
  const lines: string[] = [];
  const owned: string[][] = [];
  const slept: number[] = [];
  const d: KindClusterDeps = {
    engine,
    progress: new Progress((t) => lines.push(t), () => 0),
    kubeconfigDir: mkdtempSync(join(tmpdir(), 'kind-cluster-')),
    recreate: false,
    keep: false,
    creator: 'host:1',
    creatorAlive: () => false,
    sleep: async (s) => {
      slept.push(s);
    },
    onOwned: (nodes) => owned.push(nodes),
    ...over,
  };
  return { d, lines, owned, slept };
}

describe('bringing up the kind cluster', () => {
  it('creates the nodes, provisions them as kind does and writes the host kubeconfig', async () => {
    const engine = new FakeEngine();
    const { d, lines, owned, slept } = deps(engine);
    const handle = await upKindCluster(options(), d);

    expect(engine.started.map((s) => s.name)).to.deep.equal(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(owned).to.deep.equal([['kind-control-plane', 'kind-worker', 'kind-worker2']]);
    expect(engine.log.filter((l) => /kubeadm (init|join)/.test(l)).map((l) => l.split(' --')[0])).to.deep.equal([
      'kind-control-plane: kubeadm init',
      'kind-worker: kubeadm join',
      'kind-worker2: kubeadm join',
    ]);
    // Not Ready at the first check: it looked again after a pause.
    expect(slept).to.deep.equal([2]);
    expect(lines.filter((l) => l.startsWith(' ✓')).map((l) => l.replace(/ \(.*\)\n$/, ''))).to.deep.equal([
      ' ✓ Preparing nodes 📦',
      ' ✓ Writing configuration 📜',
      ' ✓ Starting control-plane 🕹️',
      ' ✓ Installing CNI 🔌',
      ' ✓ Installing StorageClass 💾',
      ' ✓ Joining worker nodes 🚜',
      ' ✓ Waiting for the nodes to be Ready ⏳',
      ' ✓ Recording the cluster 🏷️',
    ]);
    expect(lines[0]).to.equal('Creating cluster "kind" ...\n');

    expect(handle).to.deep.include({ name: 'kind', context: 'kind-kind', nodes: ['kind-control-plane', 'kind-worker', 'kind-worker2'], reused: false, capabilities: [] });
    expect(handle.kubeconfigPath).to.equal(join(d.kubeconfigDir, 'kind', 'kubeconfig'));
    expect(statSync(handle.kubeconfigPath).mode & 0o777).to.equal(0o600);
    const kubeconfig = parse(readFileSync(handle.kubeconfigPath, 'utf8'));
    expect(kubeconfig['current-context']).to.equal('kind-kind');
    expect(kubeconfig.clusters[0].cluster.server).to.equal('https://127.0.0.1:39215');
  });

  it('reuses the finished cluster of an earlier run, adding only the addons it lacks', async () => {
    const engine = new FakeEngine();
    await upKindCluster(options(), deps(engine).d);
    engine.log = [];
    const { d, lines } = deps(engine);
    const handle = await upKindCluster(options({}, ['loadbalancer']), d);
    expect(handle.reused).to.equal(true);
    expect(handle.capabilities).to.deep.equal(['loadbalancer']);
    expect(engine.started).to.have.length(3);
    expect(engine.log.some((l) => l.includes('kubeadm'))).to.equal(false);
    expect(engine.log.filter((l) => l.includes('metallb')).map((l) => l.replace(/^kind-control-plane: (kubectl --kubeconfig=\S+ )?/, '').split(' ').slice(0, 2).join(' '))).to.deep.equal([
      'apply -f',
      'wait --namespace',
      'write /kind/metallb-pool.yaml',
      'apply -f',
    ]);
    expect(lines[0]).to.equal('Reusing cluster "kind" (nodes kind-control-plane, kind-worker, kind-worker2) ...\n');
  });

  it('leaves a cluster it did not make alone, and says how to use it', async () => {
    const engine = new FakeEngine();
    engine.nodes.set('kind-control-plane', { name: 'kind-control-plane', running: true, labels: { 'io.x-k8s.kind.cluster': 'kind' }, files: new Map() });
    const { d, owned } = deps(engine, { recreate: true });
    let caught: unknown;
    await upKindCluster(options(), d).catch((e) => (caught = e));
    expect(caught).to.be.instanceOf(SettingsError);
    expect((caught as Error).message).to.include('kube-scenarios did not create it');
    expect([engine.removed, engine.started, owned]).to.deep.equal([[], [], []]);
  });

  it('replaces its own cluster made with other options when told to', async () => {
    const engine = new FakeEngine();
    for (const name of ['kind-control-plane', 'kind-worker', 'kind-worker2']) {
      engine.nodes.set(name, { name, running: true, labels: nodeLabels(options({ 'proxy-mode': 'ipvs' }), name.endsWith('plane') ? 'control-plane' : 'worker', 'host:9'), files: new Map() });
    }
    const { d, lines } = deps(engine, { recreate: true });
    await upKindCluster(options(), d);
    expect(engine.removed).to.deep.equal(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(engine.started).to.have.length(3);
    expect(lines[0]).to.match(/^Replacing cluster "kind": was made with other options \(kubeProxyMode: "ipvs" → "iptables"\)/);
  });

  it('removes a cluster that failed to come up and reports the command and its error', async () => {
    const engine = new FakeEngine();
    engine.failing = { command: /kubeadm init/, stderr: '[init] error execution phase wait-control-plane: couldn\'t initialize a Kubernetes cluster' };
    const { d, lines } = deps(engine);
    let caught: unknown;
    await upKindCluster(options({ workers: '0' }), d).catch((e) => (caught = e));
    expect(caught).to.be.instanceOf(ProvisioningError);
    expect((caught as Error).message).to.equal(
      "`kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6` failed on kind-control-plane with exit status 1:\n[init] error execution phase wait-control-plane: couldn't initialize a Kubernetes cluster",
    );
    expect(lines.some((l) => l.startsWith(' ✗ Starting control-plane'))).to.equal(true);
    expect(engine.removed).to.deep.equal(['kind-control-plane']);
  });

  it('keeps a failed cluster for a look with --keep-cluster', async () => {
    const engine = new FakeEngine();
    engine.failing = { command: /default-storage/, stderr: 'error: no objects passed to apply' };
    const { d, lines } = deps(engine, { keep: true });
    await upKindCluster(options({ workers: '0' }), d).catch(() => undefined);
    expect(engine.removed).to.deep.equal([]);
    expect(lines[lines.length - 1]).to.include('is kept for a look (docker exec -it kind-control-plane bash)');
  });

  it('takes the cluster down with its kubeconfig', async () => {
    const engine = new FakeEngine();
    const { d } = deps(engine);
    const handle = await upKindCluster(options({ workers: '1' }), d);
    await downKindCluster(handle, engine, d.progress);
    expect(engine.removed).to.deep.equal(['kind-control-plane', 'kind-worker']);
    expect(existsSync(handle.kubeconfigPath)).to.equal(false);
  });
});
