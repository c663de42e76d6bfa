/**
 * End to end on a stage 2 reference cluster (`scripts/reference-cluster up
 * --stage 2`): what a kind cluster does for the tutorials.
 * - three real nodes, no kwok; kind-control-plane tainted and labelled as
 *   kubeadm marks it;
 * - CoreDNS's two pods run for real and answer through the kube-dns Service
 *   (10.96.0.10): `nslookup kubernetes.default` from a dnsutils pod (bind's
 *   nslookup applies the search list); busybox's nslookup sends a name with
 *   a dot as typed, so it gets the upstream's NXDOMAIN, as on kind;
 * - a busybox pod fetches an nginx Deployment's page by Service name through
 *   its ClusterIP; nslookup of a headless Service gives the pods' IPs;
 * - the NodePort answers the machine at 172.18.0.3:PORT;
 * - `kubectl exec` (every in-pod check goes through it);
 * - kube-proxy's rules for the Services in ks-worker's `iptables-save -t nat`;
 * - the host-side CoreDNS (172.18.0.2:53) still answers the cross-checks.
 * Skips, saying why, unless such a cluster is up.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layout } from './layout.ts';
import { FAKE_NODE_ANNOTATION } from './control-plane/fake-nodes.ts';

const NAMESPACE = `ks-stage2-${process.pid}`;

function missing(): string | undefined {
  const l = layout();
  if (process.getuid?.() !== 0) return 'not root (the checks enter the nodes\' network namespaces)';
  if (!existsSync(l.kubeconfig)) return `no reference cluster is up (${l.kubeconfig} missing: scripts/reference-cluster up --stage 2)`;
  const stage = existsSync(join(l.runDir, 'stage')) ? readFileSync(join(l.runDir, 'stage'), 'utf8').trim() : '?';
  if (stage !== '2') return `the reference cluster that is up is stage ${stage}, not 2 (scripts/reference-cluster down, then up --stage 2)`;
  const ready = spawnSync('kubectl', ['--kubeconfig', l.kubeconfig, 'get', '--raw', '/readyz'], { encoding: 'utf8', timeout: 15_000 });
  if (ready.status !== 0) return `the API server does not answer: ${(ready.stderr || '').trim()}`;
  return undefined;
}

const why = missing();
if (why) process.stdout.write(`reference-cluster/stage-2.test.ts skipped: ${why}\n`);

function kubectl(args: string[], input?: string): string {
  return execFileSync('kubectl', ['--kubeconfig', layout().kubeconfig, ...args], { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], timeout: 240_000 });
}

/** `sh -c SCRIPT` in `pod`, through kubectl exec. */
function inPod(pod: string, script: string): string {
  return kubectl(['exec', '-n', NAMESPACE, pod, '--', 'sh', '-c', script]);
}

/**
 * Runs `command` in the busybox pod until its output contains `expected`:
 * kube-proxy and CoreDNS pick up a new Service asynchronously, as on kind.
 * Returns the last output, which the caller checks in full.
 */
function untilOutputHas(command: string, expected: string, pod = 'client'): string {
  return inPod(pod, `for i in $(seq 1 30); do out=$(${command} 2>&1); case "$out" in *'${expected}'*) echo "$out"; exit 0;; esac; sleep 1; done; echo "$out"; exit 1`);
}

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: nginx, image: nginx, ports: [{containerPort: 80}], readinessProbe: {httpGet: {path: /, port: 80}}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web-headless}
spec: {clusterIP: None, selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web-nodeport}
spec: {type: NodePort, selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers:
  - {name: busybox, image: busybox, command: [sleep, "3600"]}
---
apiVersion: v1
kind: Pod
metadata: {name: dnsutils}
spec:
  containers:
  - {name: dnsutils, image: tutum/dnsutils, command: [sleep, "3600"]}
`;

interface NodeJson {
  metadata: { name: string; labels: Record<string, string>; annotations?: Record<string, string> };
  spec: { taints?: { key: string; effect: string }[]; podCIDR?: string };
  status: { addresses: { type: string; address: string }[]; conditions: { type: string; status: string }[] };
}

describe('a stage 2 reference cluster', () => {
  before(() => {
    if (why) return;
    kubectl(['create', 'namespace', NAMESPACE]);
    kubectl(['apply', '-n', NAMESPACE, '-f', '-'], MANIFEST);
    kubectl(['rollout', 'status', '-n', NAMESPACE, 'deployment/web', '--timeout=180s']);
    kubectl(['wait', '-n', NAMESPACE, '--for=condition=Ready', 'pod/client', 'pod/dnsutils', '--timeout=180s']);
  });

  after(() => {
    if (why) return;
    spawnSync('kubectl', ['--kubeconfig', layout().kubeconfig, 'delete', 'namespace', NAMESPACE, '--wait=false'], { stdio: 'ignore' });
  });

  it("has kind's three nodes, all real and Ready, the control plane marked as kubeadm marks it", { skip: why }, () => {
    const nodes = (JSON.parse(kubectl(['get', 'nodes', '-o', 'json'])) as { items: NodeJson[] }).items.filter((n) => n.metadata.name.startsWith('kind-'));
    expect(nodes.map((n) => [n.metadata.name, n.status.addresses.find((a) => a.type === 'InternalIP')?.address, n.spec.podCIDR])).to.deep.equal([
      ['kind-control-plane', '172.18.0.2', '10.244.0.0/24'],
      ['kind-worker', '172.18.0.3', '10.244.1.0/24'],
      ['kind-worker2', '172.18.0.4', '10.244.2.0/24'],
    ]);
    for (const n of nodes) {
      expect(n.metadata.annotations?.[FAKE_NODE_ANNOTATION], n.metadata.name).to.equal(undefined);
      expect(n.status.conditions.find((c) => c.type === 'Ready')?.status, n.metadata.name).to.equal('True');
    }
    const [cp, worker] = nodes;
    expect(cp.metadata.labels).to.include({ 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' });
    expect(cp.spec.taints).to.deep.equal([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(worker.metadata.labels).to.not.have.property('node-role.kubernetes.io/control-plane');
    expect(worker.spec.taints ?? []).to.deep.equal([]);
  });

  it("runs CoreDNS's two pods and local-path-provisioner for real, none restarted (the loop plugin did not stop CoreDNS)", { skip: why }, () => {
    const pods = JSON.parse(kubectl(['get', 'pods', '-A', '-l', 'k8s-app=kube-dns', '-o', 'json'])) as { items: { spec: { nodeName: string }; status: { phase: string; podIP: string; containerStatuses: { ready: boolean; restartCount: number }[] } }[] };
    expect(pods.items).to.have.length(2);
    for (const p of pods.items) {
      expect(p.status.phase).to.equal('Running');
      expect(p.status.podIP).to.match(/^10\.244\./);
      expect(p.status.containerStatuses[0]).to.include({ ready: true, restartCount: 0 });
    }
    expect(kubectl(['logs', '-n', 'kube-system', '-l', 'k8s-app=kube-dns', '--tail=-1'])).to.not.contain('plugin/loop: Loop');
    expect(kubectl(['get', 'pods', '-n', 'local-path-storage', '-o', 'jsonpath={.items[*].status.phase}'])).to.equal('Running');
  });

  it('answers `nslookup kubernetes.default` from a dnsutils pod through 10.96.0.10', { skip: why }, () => {
    const out = untilOutputHas('nslookup kubernetes.default', 'Address: 10.96.0.1', 'dnsutils');
    expect(out).to.match(/^Server:\s+10\.96\.0\.10$/m);
    expect(out).to.match(/^Name:\s+kubernetes\.default\.svc\.cluster\.local$/m);
    expect(out).to.match(/^Address: 10\.96\.0\.1$/m);
  });

  it("answers busybox's nslookup of `web` through the search list, and of `kubernetes.default` with the upstream's NXDOMAIN", { skip: why }, () => {
    const clusterIP = kubectl(['get', 'service', '-n', NAMESPACE, 'web', '-o', 'jsonpath={.spec.clusterIP}']).trim();
    const short = untilOutputHas('nslookup web', `Address: ${clusterIP}`);
    expect(short).to.match(/^Server:\s+10\.96\.0\.10$/m);
    expect(short).to.match(new RegExp(`^Name:\\s+web\\.${NAMESPACE}\\.svc\\.cluster\\.local$`, 'm'));
    // busybox >= 1.29 (networking/nslookup.c) applies the search list only to a name without a dot.
    const dotted = inPod('client', 'nslookup kubernetes.default; true');
    expect(dotted).to.contain("** server can't find kubernetes.default: NXDOMAIN");
  });

  it("serves nginx's page to a busybox pod by Service name, through the ClusterIP", { skip: why }, () => {
    expect(untilOutputHas('wget -qO- http://web', 'Welcome to nginx!')).to.contain('<title>Welcome to nginx!</title>');
  });

  it("answers a headless Service's name with the pods' IPs", { skip: why }, () => {
    const podIPs = kubectl(['get', 'pods', '-n', NAMESPACE, '-l', 'app=web', '-o', 'jsonpath={.items[*].status.podIP}']).trim().split(' ').sort();
    const out = untilOutputHas('nslookup web-headless', `Address: ${podIPs[1]}`);
    const answered = [...out.matchAll(/^Address: (10\.244\.\d+\.\d+)$/gm)].map((m) => m[1]).sort();
    expect(answered).to.deep.equal(podIPs);
  });

  it('answers the NodePort on kind-worker from the machine', { skip: why }, () => {
    const port = kubectl(['get', 'service', '-n', NAMESPACE, 'web-nodeport', '-o', 'jsonpath={.spec.ports[0].nodePort}']).trim();
    const page = execFileSync('curl', ['-s', '--retry', '10', '--retry-all-errors', '--retry-delay', '1', '--max-time', '5', `http://172.18.0.3:${port}/`], { encoding: 'utf8' });
    expect(page).to.contain('<title>Welcome to nginx!</title>');
  });

  it("holds kube-proxy's rules for the Services in kind-worker's network namespace", { skip: why }, () => {
    const port = kubectl(['get', 'service', '-n', NAMESPACE, 'web-nodeport', '-o', 'jsonpath={.spec.ports[0].nodePort}']).trim();
    const nat = execFileSync('ip', ['netns', 'exec', 'ks-worker', 'iptables-save', '-t', 'nat'], { encoding: 'utf8' });
    expect(nat).to.match(new RegExp(`^-A KUBE-SERVICES .*"${NAMESPACE}/web cluster IP".* -j KUBE-SVC-[A-Z0-9]{16}$`, 'm'));
    expect(nat).to.match(new RegExp(`^-A KUBE-NODEPORTS .*"${NAMESPACE}/web-nodeport".* --dport ${port} -j KUBE-EXT-[A-Z0-9]{16}$`, 'm'));
    expect(nat).to.match(/^-A KUBE-SERVICES -d 10\.96\.0\.10\/32 .*"kube-system\/kube-dns:dns cluster IP".* -j KUBE-SVC-[A-Z0-9]{16}$/m);
  });

  it('still answers the cross-checks from the host-side CoreDNS at 172.18.0.2:53', { skip: why }, () => {
    const clusterIP = kubectl(['get', 'service', '-n', NAMESPACE, 'web', '-o', 'jsonpath={.spec.clusterIP}']).trim();
    const answer = execFileSync('dig', ['+short', '+time=2', '+tries=5', '@172.18.0.2', `web.${NAMESPACE}.svc.cluster.local`], { encoding: 'utf8' }).trim();
    expect(answer).to.equal(clusterIP);
  });
});
