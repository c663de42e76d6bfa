import { describe, it } from 'node:test';
import { expect } from 'chai';
import { sortYamlKeys } from './key-order.ts';

describe('sortYamlKeys', () => {
  // Order observed in kubectl v1.32.4's YAML output of testdata/cm.input.json annotations (go-yaml v2 sorter.go).
  it('orders non-letters first and digit runs numerically', () => {
    const keys = ['z9', 'z10', 'z_a', 'zA', 'zB', 'z-a', 'z.a', 'z/a', 'z01', 'z1', 'Z', '_z', 'z'];
    expect(sortYamlKeys(keys)).to.deep.equal(['_z', 'Z', 'z', 'z-a', 'z.a', 'z/a', 'z_a', 'z1', 'z01', 'z9', 'z10', 'zA', 'zB']);
  });
  it('sorts typical Kubernetes keys alphabetically', () => {
    expect(sortYamlKeys(['uid', 'name', 'creationTimestamp', 'namespace', 'resourceVersion', 'labels'])).to.deep.equal([
      'creationTimestamp', 'labels', 'name', 'namespace', 'resourceVersion', 'uid',
    ]);
  });
});
