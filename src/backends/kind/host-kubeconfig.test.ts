import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parse } from 'yaml';
import { hostKubeconfig, KubeconfigError } from './host-kubeconfig.ts';

// The shape kubeadm writes to /etc/kubernetes/admin.conf (certificate data shortened).
const ADMIN_CONF = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==
    server: https://kind-control-plane:6443
  name: kind
contexts:
- context:
    cluster: kind
    user: kubernetes-admin
  name: kubernetes-admin@kind
current-context: kubernetes-admin@kind
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
`;

describe('the kubeconfig for the host', () => {
  it('is admin.conf with the published port as server and everything named kind-CLUSTER, as `kind get kubeconfig` writes it', () => {
    expect(parse(hostKubeconfig(ADMIN_CONF, 'kind', 'https://127.0.0.1:39215'))).to.deep.equal({
      apiVersion: 'v1',
      kind: 'Config',
      preferences: {},
      clusters: [{ name: 'kind-kind', cluster: { 'certificate-authority-data': 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==', server: 'https://127.0.0.1:39215' } }],
      users: [{ name: 'kind-kind', user: { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'S0VZ' } }],
      contexts: [{ name: 'kind-kind', context: { cluster: 'kind-kind', user: 'kind-kind' } }],
      'current-context': 'kind-kind',
    });
  });
  it('says what is wrong with an admin.conf it cannot use', () => {
    expect(() => hostKubeconfig('clusters: [', 'kind', 'https://127.0.0.1:1')).to.throw(KubeconfigError, 'is not YAML');
    expect(() => hostKubeconfig('apiVersion: v1\nkind: Config\n', 'kind', 'https://127.0.0.1:1')).to.throw(KubeconfigError, 'exactly one cluster and one user');
  });
});
