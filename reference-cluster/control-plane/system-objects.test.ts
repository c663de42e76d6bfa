import { describe, it } from 'node:test';
import { expect } from 'chai';
import { corednsRbac, systemObjects } from './system-objects.ts';

describe('systemObjects', () => {
  it("binds kubeadm's system:coredns ClusterRole to kube-system/coredns (addons/dns/manifests.go)", () => {
    const [role, binding] = corednsRbac();
    expect(role).to.deep.include({ kind: 'ClusterRole', metadata: { name: 'system:coredns' } });
    expect(role.rules).to.deep.equal([
      { apiGroups: [''], resources: ['endpoints', 'services', 'pods', 'namespaces'], verbs: ['list', 'watch'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
    ]);
    expect(binding.subjects).to.deep.equal([{ kind: 'ServiceAccount', name: 'coredns', namespace: 'kube-system' }]);
  });

  it('applies namespaces first and leaves what the API server makes itself', () => {
    const objects = systemObjects();
    const kinds = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(kinds.slice(0, 1)).to.deep.equal(['Namespace/local-path-storage']);
    expect(kinds).to.include.members(['ServiceAccount/coredns', 'ClusterRole/system:coredns', 'Deployment/coredns', 'Service/kube-dns', 'Deployment/local-path-provisioner']);
    expect(kinds).to.not.include('Service/kubernetes');
  });
});
