import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseAllDocuments } from 'yaml';
import { kubeadmConfig, type KubeadmConfigData } from './kubeadm-config.ts';

const data: KubeadmConfigData = {
  clusterName: 'kind',
  kubernetesVersion: 'v1.31.4',
  controlPlaneEndpoint: 'kind-control-plane:6443',
  apiServerAddress: '127.0.0.1',
  nodeName: 'kind-control-plane',
  nodeAddress: '172.18.0.3',
  controlPlane: true,
  kubeProxyMode: 'iptables',
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/16',
  nodeLabels: '',
};

const documents = (d: KubeadmConfigData) => parseAllDocuments(kubeadmConfig(d)).map((doc) => doc.toJS() as Record<string, any>);

// kind: pkg/cluster/internal/kubeadm/config.go (ConfigTemplateBetaV3) and const.go.
describe('the kubeadm configuration kind writes', () => {
  it('holds the five documents kubeadm and the kubelet read', () => {
    expect(documents(data).map((d) => `${d.apiVersion}/${d.kind}`)).to.deep.equal([
      'kubeadm.k8s.io/v1beta3/ClusterConfiguration',
      'kubeadm.k8s.io/v1beta3/InitConfiguration',
      'kubeadm.k8s.io/v1beta3/JoinConfiguration',
      'kubelet.config.k8s.io/v1beta1/KubeletConfiguration',
      'kubeproxy.config.k8s.io/v1alpha1/KubeProxyConfiguration',
    ]);
  });

  it('names the cluster, version, endpoint, subnets and the certificate\'s host addresses', () => {
    const [cluster] = documents(data);
    expect(cluster).to.deep.include({ kubernetesVersion: 'v1.31.4', clusterName: 'kind', controlPlaneEndpoint: 'kind-control-plane:6443' });
    expect(cluster.apiServer.certSANs).to.deep.equal(['localhost', '127.0.0.1']);
    expect(cluster.networking).to.deep.equal({ podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/16' });
    expect(cluster.controllerManager.extraArgs).to.deep.equal({ 'enable-hostpath-provisioner': 'true' });
  });

  it('registers the node at its docker address with the well-known bootstrap token and kind\'s provider id', () => {
    const [, init, join] = documents({ ...data, nodeLabels: 'ingress-ready=true' });
    expect(init.bootstrapTokens).to.deep.equal([{ token: 'abcdef.0123456789abcdef' }]);
    expect(init.localAPIEndpoint).to.deep.equal({ advertiseAddress: '172.18.0.3', bindPort: 6443 });
    expect(init.nodeRegistration).to.deep.equal({
      criSocket: 'unix:///run/containerd/containerd.sock',
      kubeletExtraArgs: { 'node-ip': '172.18.0.3', 'provider-id': 'kind://docker/kind/kind-control-plane', 'node-labels': 'ingress-ready=true' },
    });
    expect(join.controlPlane).to.deep.equal({ localAPIEndpoint: { advertiseAddress: '172.18.0.3', bindPort: 6443 } });
    expect(join.discovery.bootstrapToken).to.deep.equal({ apiServerEndpoint: 'kind-control-plane:6443', token: 'abcdef.0123456789abcdef', unsafeSkipCAVerification: true });
  });

  it('joins a worker without a control-plane section', () => {
    const [, , join] = documents({ ...data, controlPlane: false, nodeName: 'kind-worker', nodeAddress: '172.18.0.2' });
    expect(join).to.not.have.property('controlPlane');
    expect(join.nodeRegistration.kubeletExtraArgs['provider-id']).to.equal('kind://docker/kind/kind-worker');
  });

  it('runs the kubelet with the systemd cgroup driver and no disk eviction, kube-proxy in the chosen mode', () => {
    const [, , , kubelet, proxy] = documents({ ...data, kubeProxyMode: 'ipvs' });
    expect(kubelet).to.deep.include({ cgroupDriver: 'systemd', cgroupRoot: '/kubelet', failSwapOn: false, imageGCHighThresholdPercent: 100 });
    expect(kubelet.evictionHard).to.deep.equal({ 'nodefs.available': '0%', 'nodefs.inodesFree': '0%', 'imagefs.available': '0%' });
    expect(proxy).to.deep.include({ mode: 'ipvs', iptables: { minSyncPeriod: '1s' }, conntrack: { maxPerCore: 0 } });
  });
});

/** A kubeadm of the version the default node image runs: KUBE_SCENARIOS_KUBEADM, the one built for the kind tests, or on PATH. */
function findKubeadm(): string | undefined {
  const candidates = [process.env.KUBE_SCENARIOS_KUBEADM, join(homedir(), '.cache/kube-scenarios/kind-test/kubeadm-build/bin/kubeadm'), 'kubeadm'].filter(Boolean) as string[];
  return candidates.find((k) => /^v1\.31\./.test(spawnSync(k, ['version', '-o', 'short'], { encoding: 'utf8' }).stdout ?? ''));
}
const kubeadm = findKubeadm();
const noKubeadm = kubeadm ? false : 'no kubeadm v1.31 on this machine (set KUBE_SCENARIOS_KUBEADM)';
if (noKubeadm) console.log(`# skipped: kubeadm config validate: ${noKubeadm}`);

describe('kubeadm v1.31 itself', { skip: noKubeadm }, () => {
  it('accepts the configuration of a control plane and of a worker (kubeadm config validate, strict)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeadm-config-'));
    for (const d of [data, { ...data, controlPlane: false, nodeName: 'kind-worker', nodeAddress: '172.18.0.2', kubeProxyMode: 'ipvs' as const, nodeLabels: 'ingress-ready=true' }]) {
      const file = join(dir, `${d.nodeName}.conf`);
      writeFileSync(file, kubeadmConfig(d));
      const r = spawnSync(kubeadm as string, ['config', 'validate', '--config', file], { encoding: 'utf8' });
      expect({ status: r.status, stdout: r.stdout }).to.deep.equal({ status: 0, stdout: 'ok\n' });
    }
  });
});
