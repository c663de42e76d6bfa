import { describe, it } from 'node:test';
import { expect } from 'chai';
import { markCommands } from './mark-control-plane.ts';

describe('markCommands', () => {
  it("labels and taints the node as kubeadm's mark-control-plane phase does (markcontrolplane.go)", () => {
    expect(markCommands('kind-control-plane')).to.deep.equal([
      ['label', 'node', 'kind-control-plane', '--overwrite', 'node-role.kubernetes.io/control-plane=', 'node.kubernetes.io/exclude-from-external-load-balancers='],
      ['taint', 'node', 'kind-control-plane', '--overwrite', 'node-role.kubernetes.io/control-plane:NoSchedule'],
    ]);
  });
});
