import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createdClusterObjects, describeRef } from './created-objects.ts';

describe('createdClusterObjects', () => {
  const cases: [string, string[]][] = [
    ['namespace/config created', ['v1 Namespace config']],
    ['ingressclass.networking.k8s.io/x created', ['networking.k8s.io/v1 IngressClass x']],
    ['clusterrole.rbac.authorization.k8s.io/system:reader created', ['rbac.authorization.k8s.io/v1 ClusterRole system:reader']],
    ['clusterrolebinding.rbac.authorization.k8s.io/b created\r\n', ['rbac.authorization.k8s.io/v1 ClusterRoleBinding b']],
    ['persistentvolume/pv1 created\nstorageclass.storage.k8s.io/fast created', ['v1 PersistentVolume pv1', 'storage.k8s.io/v1 StorageClass fast']],
    ['namespace/a created\nnamespace/a created', ['v1 Namespace a']],
    ['namespace/config configured', []],
    ['namespace/config unchanged', []],
    ['namespace/config created (dry run)', []],
    ['namespace/config created (server dry run)', []],
    ['deployment.apps/kubia created\nservice/kubia exposed\npod/p created', []],
    ['namespace/default labeled', []],
    ['widget.example.com/w created', []],
    ['Error from server (AlreadyExists): namespaces "config" already exists', []],
  ];
  for (const [stdout, expected] of cases) {
    it(JSON.stringify(stdout), () => {
      expect(createdClusterObjects(stdout).map((r) => `${r.apiVersion} ${r.kind} ${r.name}`)).to.deep.equal(expected);
    });
  }

  it('describes objects the way kubectl prints them', () => {
    expect(describeRef({ apiVersion: 'v1', kind: 'Namespace', name: 'a' })).to.equal('namespace/a');
    expect(describeRef({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', name: 'x' })).to.equal('ingressclass.networking.k8s.io/x');
  });
});
