import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readKindOptions, resolveAddons } from './cluster-options.ts';
import { addonProvisioning, clusterProvisioning, type ProvisionAction, type StartedNode } from './provisioning-plan.ts';

const options = (flags = {}, tags: string[] = []) => resolveAddons(readKindOptions(flags, {}), new Set(tags));
const nodes: StartedNode[] = [
  { name: 'kind-control-plane', role: 'control-plane', address: '172.18.0.4' },
  { name: 'kind-worker', role: 'worker', address: '172.18.0.2' },
  { name: 'kind-worker2', role: 'worker', address: '172.18.0.3' },
];
const line = (a: ProvisionAction) => (a.kind === 'write-file' ? `${a.node}: write ${a.path}` : `${a.node}: ${a.argv.join(' ')}`);

// kind: pkg/cluster/internal/create/actions (config, kubeadminit, installcni, installstorage, kubeadmjoin, waitforready).
describe('the provisioning sequence', () => {
  it('follows kind\'s actions in kind\'s order', () => {
    const steps = clusterProvisioning(options(), nodes);
    expect(steps.map((s) => s.title)).to.deep.equal([
      'Writing configuration 📜',
      'Starting control-plane 🕹️',
      'Installing CNI 🔌',
      'Installing StorageClass 💾',
      'Joining worker nodes 🚜',
      'Waiting for the nodes to be Ready ⏳',
    ]);
    expect(steps.flatMap((s) => s.actions.map(line))).to.deep.equal([
      'kind-control-plane: write /kind/kubeadm.conf',
      'kind-worker: write /kind/kubeadm.conf',
      'kind-worker2: write /kind/kubeadm.conf',
      'kind-control-plane: kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6',
      `kind-control-plane: sh -c sed -e 's#{{ .PodSubnet }}#10.244.0.0/16#g' /kind/manifests/default-cni.yaml | kubectl --kubeconfig=/etc/kubernetes/admin.conf create -f - && if grep -q 'would you kindly patch this file' /kind/manifests/default-cni.yaml; then kubectl --kubeconfig=/etc/kubernetes/admin.conf -n kube-system set env daemonset/kindnet CONTROL_PLANE_ENDPOINT=kind-control-plane:6443; fi`,
      'kind-control-plane: kubectl --kubeconfig=/etc/kubernetes/admin.conf apply -f /kind/manifests/default-storage.yaml',
      'kind-worker: kubeadm join --config /kind/kubeadm.conf --skip-phases=preflight --v=6',
      'kind-worker2: kubeadm join --config /kind/kubeadm.conf --skip-phases=preflight --v=6',
      "kind-control-plane: kubectl --kubeconfig=/etc/kubernetes/admin.conf get nodes -o=jsonpath={.items..status.conditions[-1:].status}",
    ]);
  });

  it('writes each node the configuration of its own address and role', () => {
    const [writing] = clusterProvisioning(options(), nodes);
    const content = (node: string) => (writing.actions.find((a) => a.node === node) as { content: string }).content;
    expect(content('kind-control-plane')).to.include('advertiseAddress: "172.18.0.4"').and.include('controlPlane:');
    expect(content('kind-worker2')).to.include('node-ip: "172.18.0.3"').and.not.include('controlPlane:');
  });

  it('joins workers concurrently, as kind does, and waits until every node is Ready', () => {
    const steps = clusterProvisioning(options(), nodes);
    expect(steps.find((s) => s.title.startsWith('Joining'))?.concurrent).to.equal(true);
    expect(steps[steps.length - 1].actions[0]).to.include({ kind: 'wait-all-true', count: 3 });
  });

  it('lets a cluster without workers schedule on its control plane', () => {
    const steps = clusterProvisioning(options({ workers: '0' }), nodes.slice(0, 1));
    expect(steps.map((s) => s.title)).to.not.include('Joining worker nodes 🚜');
    expect(steps[1].actions.map(line)).to.deep.equal([
      'kind-control-plane: kubeadm init --skip-phases=preflight --config=/kind/kubeadm.conf --skip-token-print --v=6',
      'kind-control-plane: kubectl --kubeconfig=/etc/kubernetes/admin.conf taint nodes --all node-role.kubernetes.io/control-plane-',
    ]);
  });

  it('labels the control plane ingress-ready when ingress-nginx is wanted', () => {
    const [writing] = clusterProvisioning(options({}, ['ingress']), nodes);
    expect((writing.actions[0] as { content: string }).content).to.include('node-labels: "ingress-ready=true"');
    expect((writing.actions[1] as { content: string }).content).to.include('node-labels: ""');
  });
});

describe('the addons', () => {
  const none = { ingressNginx: false, loadBalancer: 'none' as const };
  it('are only the record of a finished cluster when none is wanted', () => {
    const steps = addonProvisioning(options(), nodes, none, '172.18.0.0/16');
    expect(steps.flatMap((s) => s.actions)).to.deep.equal([
      { kind: 'write-file', node: 'kind-control-plane', path: '/kind/kube-scenarios.json', content: '{"provisioned":true,"ingressNginx":false,"loadBalancer":"none"}\n' },
    ]);
  });
  it('install ingress-nginx and MetalLB, waiting for their pods, with the pool of the kind network', () => {
    const steps = addonProvisioning(options({}, ['ingress', 'loadbalancer']), nodes, none, '172.18.0.0/16');
    expect(steps.map((s) => s.title)).to.deep.equal(['Installing ingress-nginx 🌐', 'Installing MetalLB ⚖️', 'Recording the cluster 🏷️']);
    expect(steps[0].actions.map(line)[1]).to.equal(
      'kind-control-plane: kubectl --kubeconfig=/etc/kubernetes/admin.conf wait --namespace ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=300s',
    );
    expect((steps[1].actions[2] as { content: string }).content).to.include('- 172.18.255.200-172.18.255.250');
    expect((steps[2].actions[0] as { content: string }).content).to.equal('{"provisioned":true,"ingressNginx":true,"loadBalancer":"metallb"}\n');
  });
  it('skip what a reused cluster already has, and keep it on record', () => {
    const steps = addonProvisioning(options({}, ['loadbalancer']), nodes, { ingressNginx: true, loadBalancer: 'metallb' }, '172.18.0.0/16');
    expect(steps.map((s) => s.title)).to.deep.equal(['Recording the cluster 🏷️']);
    expect((steps[0].actions[0] as { content: string }).content).to.equal('{"provisioned":true,"ingressNginx":true,"loadBalancer":"metallb"}\n');
  });
});
