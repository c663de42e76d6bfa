import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Namespace } from '../../api/core.ts';
import { describeNamespace } from './namespace.ts';

// describeNamespace in k8s.io/kubectl/pkg/describe/describe.go; an Active namespace is in the
// kind-cluster goldens (describe.golden.test.ts). The conditions are those the namespace
// controller sets while it deletes a namespace's content.
describe('describeNamespace', () => {
  it('prints the conditions of a terminating namespace', () => {
    const ns = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'demo', labels: { 'kubernetes.io/metadata.name': 'demo' }, deletionTimestamp: '2026-01-01T00:10:00Z' },
      status: {
        phase: 'Terminating',
        conditions: [
          { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', lastTransitionTime: '2026-01-01T00:10:05Z', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
          { type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: '2026-01-01T00:10:05Z', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 1 resource instances' },
        ],
      },
    } as unknown as Namespace;
    expect(describeNamespace(ns)).to.equal(
      [
        'Name:         demo',
        'Labels:       kubernetes.io/metadata.name=demo',
        'Annotations:  <none>',
        'Status:       Terminating',
        'Conditions:',
        '  Type                               Status  LastTransitionTime               Reason               Message',
        '  ----                               ------  ------------------               ------               -------',
        '  NamespaceDeletionDiscoveryFailure  False   Thu, 01 Jan 2026 00:10:05 +0000  ResourcesDiscovered  All resources successfully discovered',
        '  NamespaceContentRemaining          True    Thu, 01 Jan 2026 00:10:05 +0000  SomeResourcesRemain  Some resources are remaining: pods. has 1 resource instances',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
        '',
      ].join('\n'),
    );
  });
});
