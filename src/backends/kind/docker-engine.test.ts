/**
 * The kind backend's container plumbing against a real docker engine, with
 * node images built on this machine (testdata/build-test-node-images.sh): a
 * Debian image that boots systemd as a kindest/node image does, and the same
 * with stand-ins for kubeadm and kubectl. What runs for real: node containers
 * created with kind's options, systemd's readiness line, exec and exit
 * statuses, files, labels, reuse across runs, the kubeconfig from the node,
 * removal. What does not: Kubernetes itself (no kindest/node image here).
 * Skipped, with the reason printed, without a docker engine or the images.
 */
import { after, before, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { readKindOptions, resolveAddons } from './cluster-options.ts';
import { DockerEngine, explainStartFailure } from './docker-engine.ts';
import { downKindCluster, upKindCluster, type KindClusterDeps } from './kind-cluster.ts';
import { KIND_NETWORK, nodeContainerSpec } from './node-container-spec.ts';
import { Progress } from './progress.ts';

const BASE_IMAGE = 'kube-scenarios/kind-test-node:bookworm';
const STUB_IMAGE = 'kube-scenarios/kind-test-node:stub-kubeadm';
/** Every capability but CAP_SYS_RESOURCE: works where --privileged does and on machines that refuse it. */
const CAPABILITIES = 'ALL,-SYS_RESOURCE';

function docker(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('docker', args, { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function skipReason(): string | false {
  if (docker('version', '--format', '{{.Server.Version}}').status !== 0) return 'no docker engine is running (apt-get install docker.io; dockerd &)';
  for (const image of [BASE_IMAGE, STUB_IMAGE]) {
    if (docker('image', 'inspect', image).status !== 0) return `the test node image ${image} is missing: run src/backends/kind/testdata/build-test-node-images.sh`;
  }
  return false;
}
const skip = skipReason();
if (skip) console.log(`# skipped: kind backend on docker: ${skip}`);

describe('explaining an engine that will not start a node', () => {
  const spec = nodeContainerSpec(resolveAddons(readKindOptions({}, {}), new Set()), { name: 'kind-control-plane', role: 'control-plane' }, { creator: 'h:1', hostHasModules: false });
  it('names --node-capabilities when privileged containers are refused (the message of this machine\'s runc)', () => {
    const message = 'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unable to apply caps: operation not permitted: unknown';
    expect(explainStartFailure(spec, message)).to.include('refused the privileged node container kind-control-plane').and.include('--node-capabilities ALL,-SYS_RESOURCE');
  });
  it('names --kind-image when the node image cannot be pulled', () => {
    const message = '(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host';
    expect(explainStartFailure(spec, message)).to.match(/^the node image kindest\/node:v1\.31\.4@sha256:\w+ is not on this machine and could not be pulled/);
  });
});

describe('node containers on docker', { skip }, () => {
  let engine: DockerEngine;
  const name = `ks-it-${process.pid}`;
  const options = () => resolveAddons(readKindOptions({ 'cluster-name': name, 'kind-image': BASE_IMAGE, 'kubernetes-version': '1.31.4', 'node-capabilities': CAPABILITIES, workers: '0' }, {}), new Set());
  const node = `${name}-control-plane`;

  before(async () => {
    engine = await DockerEngine.connect();
    await engine.ensureNetwork(KIND_NETWORK);
    await engine.startNode(nodeContainerSpec(options(), { name: node, role: 'control-plane' }, { creator: 'test:1', hostHasModules: engine.hostHasModules() }), 120);
  });
  after(async () => {
    await engine?.removeNodes([node]);
  });

  it('is created with kind\'s options: labels, tmpfs, /var volume, private cgroup namespace, restart policy, no init, tty', () => {
    const [info] = JSON.parse(docker('inspect', node).stdout);
    expect(info.Config.Labels).to.include({ 'io.x-k8s.kind.cluster': name, 'io.x-k8s.kind.role': 'control-plane', 'app.kubernetes.io/managed-by': 'kube-scenarios' });
    expect(info.Config.Hostname).to.equal(node);
    expect(info.Config.Tty).to.equal(true);
    expect(info.Config.Env).to.include('KUBECONFIG=/etc/kubernetes/admin.conf');
    expect(info.HostConfig).to.deep.include({ CgroupnsMode: 'private', Init: false, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 1 }, Tmpfs: { '/tmp': '', '/run': '' }, NetworkMode: 'kind' });
    expect(info.HostConfig.SecurityOpt).to.deep.equal(['seccomp=unconfined', 'apparmor=unconfined']);
    expect([info.HostConfig.CapAdd, info.HostConfig.CapDrop]).to.deep.equal([['ALL'], ['SYS_RESOURCE']]);
    const varMount = info.Mounts.find((m: { Destination: string }) => m.Destination === '/var');
    expect(varMount).to.include({ Type: 'volume' });
    expect(info.HostConfig.PortBindings['6443/tcp']).to.deep.equal([{ HostIp: '127.0.0.1', HostPort: '' }]);
  });

  it('publishes the API server port on the host\'s loopback and has an address on the kind network', async () => {
    expect(await engine.hostPort(node, 6443)).to.be.a('number').above(0);
    expect(await engine.nodeAddress(node, KIND_NETWORK)).to.match(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('boots systemd as PID 1 in a cgroup namespace of its own, with tmpfs on /tmp and /run', async () => {
    const pid1 = await engine.exec(node, ['cat', '/proc/1/comm']);
    expect(pid1).to.deep.equal({ exitCode: 0, stdout: 'systemd\n', stderr: '' });
    const cgroup = await engine.exec(node, ['cat', '/proc/1/cgroup']);
    // Private namespace: PID 1 sees itself at the root of every hierarchy.
    expect(cgroup.stdout.trim().split('\n').every((l) => /:\/(init\.scope)?$/.test(l))).to.equal(true);
    const mounts = (await engine.exec(node, ['sh', '-c', 'grep -E " /(tmp|run) " /proc/mounts | cut -d" " -f2,3'])).stdout;
    expect(mounts.trim().split('\n').sort()).to.deep.equal(['/run tmpfs', '/tmp tmpfs']);
  });

  it('runs commands with their exit status and both streams', async () => {
    expect(await engine.exec(node, ['sh', '-c', 'echo out; echo err >&2; exit 3'])).to.deep.equal({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
    expect((await engine.exec(node, ['no-such-command'])).exitCode).to.not.equal(0);
  });

  it('writes files, making their directory', async () => {
    const content = "apiVersion: v1\nkind: Config # 'quotes' \"and\" $dollars `ticks` ☸\n";
    await engine.writeFile(node, '/kind/deep/dir/file.yaml', content);
    expect((await engine.exec(node, ['cat', '/kind/deep/dir/file.yaml'])).stdout).to.equal(content);
  });

  it('lists the cluster\'s nodes by kind\'s label', async () => {
    const nodes = await engine.listNodes(name);
    expect(nodes.map((n) => [n.name, n.running, n.labels['io.x-k8s.kind.role']])).to.deep.equal([[node, true, 'control-plane']]);
    expect(await engine.listNodes(`${name}-other`)).to.deep.equal([]);
  });

  it('starts a privileged node, or explains how to do without', async () => {
    const privileged = { ...options(), name: `${name}-p`, privileges: { kind: 'privileged' as const } };
    const spec = nodeContainerSpec(privileged, { name: `${name}-p-control-plane`, role: 'control-plane' }, { creator: 'test:1', hostHasModules: engine.hostHasModules() });
    try {
      await engine.startNode(spec, 120);
      expect((await engine.exec(spec.name, ['cat', '/proc/1/comm'])).stdout).to.equal('systemd\n');
    } catch (error) {
      expect((error as Error).message).to.include('--node-capabilities ALL,-SYS_RESOURCE');
    } finally {
      await engine.removeNodes([spec.name]);
    }
    expect(docker('ps', '-a', '-q', '--filter', `name=^${spec.name}$`).stdout).to.equal('');
  });
});

describe('a kind cluster on docker, kubeadm and kubectl stood in for', { skip }, () => {
  const name = `ks-itc-${process.pid}`;
  const options = () => resolveAddons(readKindOptions({ 'cluster-name': name, 'kind-image': STUB_IMAGE, 'kubernetes-version': '1.31.4', 'node-capabilities': CAPABILITIES, workers: '1' }, {}), new Set());
  let engine: DockerEngine;
  const lines: string[] = [];
  const deps = (): KindClusterDeps => ({
    engine,
    progress: new Progress((t) => lines.push(t)),
    kubeconfigDir: mkdtempSync(join(tmpdir(), 'kind-it-')),
    recreate: false,
    keep: false,
    creator: `test:${process.pid}`,
    creatorAlive: () => false,
    sleep: (s) => new Promise((resolve) => setTimeout(resolve, s * 1000)),
  });
  const ids = () => docker('ps', '-a', '-q', '--no-trunc', '--filter', `label=io.x-k8s.kind.cluster=${name}`).stdout.trim().split('\n').filter(Boolean).sort();

  before(async () => {
    engine = await DockerEngine.connect();
  });
  after(async () => {
    await engine?.removeNodes([`${name}-control-plane`, `${name}-worker`]);
  });

  it('comes up, is reused by the next run, and goes away', async () => {
    const first = await upKindCluster(options(), deps());
    expect(first).to.deep.include({ name, context: `kind-${name}`, nodes: [`${name}-control-plane`, `${name}-worker`], reused: false });
    const made = ids();
    expect(made).to.have.length(2);

    // The provisioning ran in the nodes, in kind's order, with the configuration it wrote.
    const log = (await engine.exec(`${name}-control-plane`, ['cat', '/kind/stub.log'])).stdout;
    expect(log.split('\n').filter(Boolean).map((l) => l.split(' ').slice(0, 4).join(' '))).to.deep.equal([
      'stub kubeadm: init --skip-phases=preflight',
      'stub kubectl: --kubeconfig=/etc/kubernetes/admin.conf create',
      'stub kubectl: --kubeconfig=/etc/kubernetes/admin.conf apply',
      'stub kubectl: --kubeconfig=/etc/kubernetes/admin.conf get',
    ]);
    expect((await engine.exec(`${name}-worker`, ['cat', '/kind/stub.log'])).stdout).to.match(/^stub kubeadm: join --config \/kind\/kubeadm\.conf --skip-phases=preflight/);
    const conf = (await engine.exec(`${name}-worker`, ['cat', '/kind/kubeadm.conf'])).stdout;
    expect(conf).to.include(`apiServerEndpoint: "${name}-control-plane:6443"`).and.include(`node-ip: "${await engine.nodeAddress(`${name}-worker`, KIND_NETWORK)}"`);

    // The kubeconfig points at the published port.
    const kubeconfig = parse(readFileSync(first.kubeconfigPath, 'utf8'));
    expect(kubeconfig.clusters[0]).to.deep.equal({ name: `kind-${name}`, cluster: { 'certificate-authority-data': 'U1RVQi1DQQ==', server: `https://127.0.0.1:${await engine.hostPort(`${name}-control-plane`, 6443)}` } });

    const second = await upKindCluster(options(), deps());
    expect(second.reused).to.equal(true);
    expect(ids()).to.deep.equal(made);
    expect(lines).to.include(`Reusing cluster "${name}" (nodes ${name}-control-plane, ${name}-worker) ...\n`);

    const volumes = made.flatMap((id) => JSON.parse(docker('inspect', id).stdout)[0].Mounts.filter((m: { Type: string }) => m.Type === 'volume').map((m: { Name: string }) => m.Name));
    expect(volumes).to.have.length(2);
    await downKindCluster(second, engine, new Progress(() => {}));
    expect(ids()).to.deep.equal([]);
    // The /var volumes go with the nodes.
    expect(volumes.filter((v: string) => docker('volume', 'inspect', v).status === 0)).to.deep.equal([]);
  });
});
