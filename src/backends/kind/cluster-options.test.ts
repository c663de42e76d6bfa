import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SettingsError } from '../../backend/run-settings.ts';
import { parseNodePrivileges, readKindOptions, resolveAddons } from './cluster-options.ts';

describe('kind cluster options', () => {
  it('default to a kind cluster like the memory backend\'s: "kind", Kubernetes 1.31, two workers, iptables, privileged nodes', () => {
    const o = readKindOptions({}, {});
    expect(o.cluster).to.deep.equal({
      name: 'kind',
      nodeImage: 'kindest/node:v1.31.4@sha256:2cb39f7295fe7eafee0842b1052a599a4fb0f8bcf3f83d96c7f4864c357c6c30',
      kubernetesVersion: 'v1.31.4',
      workers: 2,
      kubeProxyMode: 'iptables',
      privileges: { kind: 'privileged' },
      podSubnet: '10.244.0.0/16',
      serviceSubnet: '10.96.0.0/16',
    });
    expect([o.ingressNginx, o.loadBalancer, o.keepCluster, o.recreateCluster]).to.deep.equal(['auto', 'auto', false, false]);
  });

  it('take flags first, then KUBE_SCENARIOS_* variables', () => {
    const env = { KUBE_SCENARIOS_KIND_WORKERS: '3', KUBE_SCENARIOS_PROXY_MODE: 'ipvs', KUBE_SCENARIOS_KEEP_CLUSTER: '1', KUBE_SCENARIOS_KIND_CLUSTER_NAME: 'from-env' };
    const o = readKindOptions({ workers: '0', 'cluster-name': 'ci', 'recreate-cluster': true }, env);
    expect([o.cluster.name, o.cluster.workers, o.cluster.kubeProxyMode, o.keepCluster, o.recreateCluster]).to.deep.equal(['ci', 0, 'ipvs', true, true]);
  });

  it('pick the node image kind v0.26.0 built for a version', () => {
    expect(readKindOptions({ 'kubernetes-version': '1.29' }, {}).cluster.nodeImage).to.match(/^kindest\/node:v1\.29\.12@sha256:62c0672b/);
    expect(readKindOptions({ 'kubernetes-version': 'v1.32.0' }, {}).cluster.kubernetesVersion).to.equal('v1.32.0');
  });

  it('take a node image of one\'s own, its version from its tag or --kubernetes-version', () => {
    expect(readKindOptions({ 'kind-image': 'kindest/node:v1.30.0' }, {}).cluster).to.include({ nodeImage: 'kindest/node:v1.30.0', kubernetesVersion: 'v1.30.0' });
    expect(readKindOptions({ 'kind-image': 'local/node:dev', 'kubernetes-version': '1.31.4' }, {}).cluster.kubernetesVersion).to.equal('v1.31.4');
    expect(() => readKindOptions({ 'kind-image': 'local/node:dev' }, {})).to.throw(SettingsError, 'add --kubernetes-version');
  });

  it('refuse bad values in words a person can act on', () => {
    expect(() => readKindOptions({ 'kubernetes-version': '1.99' }, {})).to.throw(SettingsError, 'no kindest/node image is known for Kubernetes 1.99: choose one of v1.32.0');
    expect(() => readKindOptions({ workers: 'two' }, {})).to.throw(SettingsError, '--workers takes a whole number');
    expect(() => readKindOptions({ workers: '51' }, {})).to.throw(SettingsError, 'from 0 to 50');
    expect(() => readKindOptions({ 'proxy-mode': 'nftables' }, {})).to.throw(SettingsError, '--proxy-mode takes one of iptables, ipvs, not "nftables"');
    expect(() => readKindOptions({ 'cluster-name': 'My_Cluster' }, {})).to.throw(SettingsError, 'is not a kind cluster name');
    expect(() => readKindOptions({ ingress: 'maybe' }, {})).to.throw(SettingsError, '--ingress takes one of auto, yes, no');
    expect(() => readKindOptions({ loadbalancer: 'elb' }, {})).to.throw(SettingsError, '--loadbalancer takes one of auto, none, metallb');
  });

  it('read node privileges: privileged, or capabilities to add and drop', () => {
    expect(parseNodePrivileges('privileged')).to.deep.equal({ kind: 'privileged' });
    expect(parseNodePrivileges('ALL,-SYS_RESOURCE')).to.deep.equal({ kind: 'capabilities', add: ['ALL'], drop: ['SYS_RESOURCE'] });
    expect(parseNodePrivileges('cap_sys_admin, NET_ADMIN ,-CAP_SYS_RESOURCE')).to.deep.equal({ kind: 'capabilities', add: ['SYS_ADMIN', 'NET_ADMIN'], drop: ['SYS_RESOURCE'] });
    expect(() => parseNodePrivileges('-SYS_RESOURCE')).to.throw(SettingsError, 'adds none');
    expect(() => parseNodePrivileges('SYS ADMIN')).to.throw(SettingsError, 'is not a capability name');
  });

  it('install the auto addons only when a planned scenario is tagged for them', () => {
    const input = readKindOptions({}, {});
    expect(resolveAddons(input, new Set(['node-shell']))).to.include({ ingressNginx: false, loadBalancer: 'none' });
    expect(resolveAddons(input, new Set(['ingress', 'loadbalancer']))).to.include({ ingressNginx: true, loadBalancer: 'metallb' });
    const forced = readKindOptions({ ingress: 'no', loadbalancer: 'metallb' }, {});
    expect(resolveAddons(forced, new Set(['ingress']))).to.include({ ingressNginx: false, loadBalancer: 'metallb' });
  });
});
