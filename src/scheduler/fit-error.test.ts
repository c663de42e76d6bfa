import { describe, it } from 'node:test';
import { expect } from 'chai';
import { fitErrorMessage } from './fit-error.ts';

describe('fitErrorMessage', () => {
  // pkg/scheduler/framework/types.go FitError.Error (1.31); texts as printed by real 1.31-1.33 clusters.
  const table: [string, [string, string][], string][] = [
    [
      'kind: control plane tainted, workers not matching a nodeSelector',
      [
        ['kind-control-plane', 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
        ['kind-worker', "node(s) didn't match Pod's node affinity/selector"],
        ['kind-worker2', "node(s) didn't match Pod's node affinity/selector"],
      ],
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ],
    [
      'one node, disk pressure',
      [['n', 'node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }']],
      '0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    ],
    [
      'reasons sorted as strings',
      [
        ['a', 'node(s) were unschedulable'],
        ['b', 'node(s) had untolerated taint {CriticalAddonsOnly: true}'],
        ['c', 'node(s) had untolerated taint {CriticalAddonsOnly: true}'],
      ],
      '0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) had untolerated taint {CriticalAddonsOnly: true}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ],
  ];
  for (const [name, reasons, message] of table) {
    it(name, () => {
      expect(fitErrorMessage(new Map(reasons))).to.equal(message);
    });
  }
});
