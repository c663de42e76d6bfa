/**
 * End to end on a real node: startNode joins a node of our own (its own
 * network namespace on the cluster's bridge) to the running reference cluster;
 * an nginx pod on it becomes Ready, a busybox pod fetches the nginx page
 * through a ClusterIP Service (kubectl exec, so the API server reaches the
 * kubelet), and the node's namespace holds kube-proxy's chains for that
 * Service. Needs root, the built kubelet and kube-proxy, the pod images and a
 * running control plane (`scripts/reference-cluster up`); skips, saying
 * which, when one is missing.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { layout } from '../layout.ts';
import { BRIDGE, BRIDGE_ADDRESS } from '../network.ts';
import { ociLayoutDir } from '../images/build-images.ts';
import { assignPodCidr } from '../control-plane/pod-cidrs.ts';
import { startNode, stopNode } from './node.ts';

/** Two runs at once (engineers share the machine) get different names and addresses. */
const SLOT = process.pid % 50;
const NODE = `ks-e2e-node-${SLOT}`;
const NETNS = `kst-e2e-${SLOT}`;
const HOST_VETH = `veth-kste-${SLOT}`;
const ADDRESS = `172.18.0.${200 + SLOT}`;
const POD_CIDR = `10.244.${200 + SLOT}.0/24`;
const NAMESPACE = `ks-e2e-${process.pid}`;
/** Keeps every other workload of the running cluster off the test node. */
const TAINT = { key: 'kube-scenarios.io/e2e-node', effect: 'NoSchedule' as const };

function missing(): string | undefined {
  const l = layout();
  if (process.getuid?.() !== 0) return 'not root (a node needs network namespaces, mounts and cgroups)';
  for (const bin of ['kubelet', 'kube-proxy']) if (!existsSync(join(l.binDir, bin))) return `${join(l.binDir, bin)} is not built (scripts/reference-cluster up builds it)`;
  for (const tool of ['containerd', 'runc', 'ctr', 'kubectl']) if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed (apt-get install containerd runc containernetworking-plugins)`;
  if (!existsSync('/usr/lib/cni/ptp')) return 'CNI plugins are not installed (apt-get install containernetworking-plugins)';
  if (!existsSync(join(ociLayoutDir(join(l.cacheDir, 'images')), 'index.json'))) return 'pod images are not built (buildImages, run by scripts/reference-cluster up --stage 2)';
  if (!existsSync(l.kubeconfig)) return `no running reference cluster (${l.kubeconfig} missing: scripts/reference-cluster up)`;
  if (spawnSync('ip', ['link', 'show', BRIDGE]).status !== 0) return `the cluster bridge ${BRIDGE} does not exist`;
  const ready = spawnSync('kubectl', ['--kubeconfig', l.kubeconfig, 'get', '--raw', '/readyz'], { encoding: 'utf8', timeout: 15_000 });
  if (ready.status !== 0) return `the API server does not answer: ${(ready.stderr || '').trim()}`;
  return undefined;
}

const why = missing();
if (why) process.stdout.write(`reference-cluster/node/node.test.ts skipped: ${why}\n`);

function kubectl(args: string[], input?: string): string {
  return execFileSync('kubectl', ['--kubeconfig', layout().kubeconfig, ...args], { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], timeout: 180_000 });
}

function ip(args: string[]): void {
  spawnSync('ip', args, { stdio: 'ignore' });
}

describe('a real node of the reference cluster', () => {
  let stateDir: string;

  before(async () => {
    if (why) return;
    const l = layout();
    stateDir = mkdtempSync(join(tmpdir(), 'ks-e2e-node-'));
    ip(['netns', 'add', NETNS]);
    ip(['link', 'add', HOST_VETH, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', NETNS]);
    ip(['link', 'set', HOST_VETH, 'master', BRIDGE, 'up']);
    ip(['-n', NETNS, 'addr', 'add', `${ADDRESS}/16`, 'dev', 'eth0']);
    ip(['-n', NETNS, 'link', 'set', 'eth0', 'up']);
    ip(['-n', NETNS, 'link', 'set', 'lo', 'up']);
    ip(['-n', NETNS, 'route', 'add', 'default', 'via', BRIDGE_ADDRESS]);
    // A stage 2 cluster has the controller-manager's CIDR allocator off and gives nodes their CIDR itself.
    const assigned = assignPodCidr(l.kubeconfig, NODE, POD_CIDR);
    assigned.catch(() => {});
    await startNode({
      name: NODE, netns: NETNS, address: ADDRESS, podCidr: POD_CIDR, apiServer: 'https://172.18.0.2:6443',
      pkiDir: l.pkiDir, stateDir, binDir: l.binDir, taints: [TAINT], log: (line) => process.stdout.write(`${line}\n`),
    });
    await assigned;
    const pin = `  nodeSelector: {kubernetes.io/hostname: ${NODE}}\n  tolerations: [{key: ${TAINT.key}, operator: Exists, effect: NoSchedule}]\n`;
    kubectl(['create', 'namespace', NAMESPACE]);
    kubectl(['apply', '-n', NAMESPACE, '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
${pin}  containers:
  - {name: nginx, image: nginx, ports: [{containerPort: 80}], readinessProbe: {httpGet: {path: /, port: 80}}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
${pin}  containers:
  - {name: busybox, image: busybox, command: [sleep, "3600"]}
`);
    kubectl(['wait', '-n', NAMESPACE, '--for=condition=Ready', 'pod/web', 'pod/client', '--timeout=180s']);
  });

  after(async () => {
    if (why) return;
    spawnSync('kubectl', ['--kubeconfig', layout().kubeconfig, 'delete', 'namespace', NAMESPACE, '--wait=false'], { stdio: 'ignore' });
    await stopNode({ name: NODE, netns: NETNS, stateDir });
    spawnSync('kubectl', ['--kubeconfig', layout().kubeconfig, 'delete', 'node', NODE, '--wait=false'], { stdio: 'ignore' });
    ip(['netns', 'delete', NETNS]);
    ip(['link', 'delete', HOST_VETH]);
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('runs the nginx pod as a real, ready process on the node', { skip: why }, () => {
    const pod = JSON.parse(kubectl(['get', 'pod', '-n', NAMESPACE, 'web', '-o', 'json'])) as { spec: { nodeName: string }; status: { phase: string; podIP: string } };
    expect(pod.spec.nodeName).to.equal(NODE);
    expect(pod.status.phase).to.equal('Running');
    expect(pod.status.podIP).to.match(/^10\.244\./);
  });

  it('serves the nginx page to another pod through the ClusterIP (kubectl exec)', { skip: why }, () => {
    const clusterIP = kubectl(['get', 'service', '-n', NAMESPACE, 'web', '-o', 'jsonpath={.spec.clusterIP}']).trim();
    const page = kubectl(['exec', '-n', NAMESPACE, 'client', '--', 'wget', '-qO-', `http://${clusterIP}/`]);
    expect(page).to.contain('<title>Welcome to nginx!</title>');
  });

  it("holds kube-proxy's chains for the Service in the node's namespace", { skip: why }, () => {
    const podIP = kubectl(['get', 'pod', '-n', NAMESPACE, 'web', '-o', 'jsonpath={.status.podIP}']).trim();
    const nat = execFileSync('nsenter', [`--net=/run/netns/${NETNS}`, 'iptables-save', '-t', 'nat'], { encoding: 'utf8' });
    expect(nat).to.match(/^:KUBE-SERVICES /m);
    expect(nat).to.match(new RegExp(`^-A KUBE-SERVICES .*"${NAMESPACE}/web cluster IP".* -j KUBE-SVC-[A-Z0-9]{16}$`, 'm'));
    expect(nat).to.match(new RegExp(`^-A KUBE-SEP-[A-Z0-9]{16} .*"${NAMESPACE}/web".* -j DNAT --to-destination ${podIP.replace(/\./g, '\\.')}:80$`, 'm'));
  });
});
