import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parse } from 'yaml';
import { kubeletConfig } from './kubelet-config.ts';
import { kubeProxyConfig } from './kube-proxy-config.ts';
import { nodePaths } from './node-paths.ts';

describe('kubeletConfig', () => {
  const config = parse(kubeletConfig({ paths: nodePaths('/s'), cgroupRoot: '/ks-worker', clusterDns: '10.96.0.10', clusterDomain: 'cluster.local', clientCaFile: '/s/pki/ca.crt' }));

  it('runs pods under its own cgroup with the cgroupfs driver and never lowers OOM scores', () => {
    expect(config).to.deep.include({ cgroupDriver: 'cgroupfs', cgroupRoot: '/ks-worker', oomScoreAdj: 0, failSwapOn: false });
  });

  it('gives pods the cluster DNS and talks to the node containerd', () => {
    expect(config).to.deep.include({ clusterDNS: ['10.96.0.10'], clusterDomain: 'cluster.local', resolvConf: '/s/resolv.conf' });
    expect(config.containerRuntimeEndpoint).to.equal('unix:///s/containerd/containerd.sock');
  });

  it("keeps pod logs under the node's state directory", () => {
    expect(config.podLogsDir).to.equal('/s/pod-logs');
  });

  it("evicts nothing, as kind's nodes (evictionHard 0%)", () => {
    expect(config.evictionHard).to.deep.equal({ 'imagefs.available': '0%', 'nodefs.available': '0%', 'nodefs.inodesFree': '0%' });
  });
});

describe('kubeProxyConfig', () => {
  it("is kind's: iptables mode, conntrack left alone, 1s min sync", () => {
    const config = parse(kubeProxyConfig({ kubeconfig: '/s/kp.kubeconfig', hostname: 'kind-worker', clusterCidr: '10.244.0.0/16' }));
    expect(config).to.deep.include({ mode: 'iptables', hostnameOverride: 'kind-worker', clusterCIDR: '10.244.0.0/16', oomScoreAdj: 0 });
    expect(config.conntrack).to.deep.equal({ maxPerCore: 0 });
    expect(config.iptables).to.deep.equal({ minSyncPeriod: '1s' });
  });
});

describe('kubeletConfig taints', () => {
  it('registers the node with the taints asked for', () => {
    const config = parse(kubeletConfig({ paths: nodePaths('/s'), cgroupRoot: '/n', clusterDns: '10.96.0.10', clusterDomain: 'cluster.local', clientCaFile: '/ca', taints: [{ key: 'kube-scenarios/e2e', effect: 'NoSchedule' }] }));
    expect(config.registerWithTaints).to.deep.equal([{ key: 'kube-scenarios/e2e', effect: 'NoSchedule' }]);
  });
});
