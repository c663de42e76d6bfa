import { describe, it } from 'node:test';
import { expect } from 'chai';
import { computeProbability, savedProbability } from './probability.ts';

describe('statistic probabilities', () => {
  // kube-proxy's text: TestComputeProbability (pkg/proxy/iptables/proxier_test.go).
  const written: [number, string][] = [
    [1, '1.0000000000'],
    [2, '0.5000000000'],
    [10, '0.1000000000'],
    [100, '0.0100000000'],
    [100001, '0.0000099999'],
  ];
  for (const [n, text] of written) it(`kube-proxy writes 1/${n} as ${text}`, () => void expect(computeProbability(n)).to.equal(text));

  // What iptables-save prints back: FIDELITY.md §5; 1/3 also seen from iptables v1.8.9 on this machine (testdata/overall.iptables-save.txt).
  const saved: [number, string][] = [
    [2, '0.50000000000'],
    [3, '0.33333333349'],
    [4, '0.25000000000'],
    [5, '0.20000000019'],
    [6, '0.16666666651'],
  ];
  for (const [n, text] of saved) it(`iptables-save prints 1/${n} as ${text}`, () => void expect(savedProbability(computeProbability(n))).to.equal(text));
});
