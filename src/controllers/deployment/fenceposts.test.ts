import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment } from '../../api/apps.ts';
import { maxSurge, maxUnavailable, resolveFenceposts } from './fenceposts.ts';

const d = (replicas: number, rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string }, type: 'RollingUpdate' | 'Recreate' = 'RollingUpdate'): Deployment =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: {}, spec: { replicas, selector: {}, template: { spec: { containers: [] } }, strategy: { type, rollingUpdate } } }) as Deployment;

describe('resolveFenceposts (deployment_util.go; surge rounds up, unavailable down)', () => {
  const table: [string, Deployment, [number, number]][] = [
    ['defaults 25%/25% of 2', d(2), [1, 0]],
    ['defaults of 4', d(4), [1, 1]],
    ['defaults of 10', d(10), [3, 2]],
    ['absolute values', d(3, { maxSurge: 2, maxUnavailable: 1 }), [2, 1]],
    ['both zero becomes unavailable 1', d(3, { maxSurge: 0, maxUnavailable: 0 }), [0, 1]],
    ['percent of 1', d(1, { maxSurge: '50%', maxUnavailable: '50%' }), [1, 0]],
  ];
  for (const [name, deploy, expected] of table) {
    it(name, () => {
      expect(resolveFenceposts(deploy)).to.deep.equal(expected);
    });
  }
  it('Recreate has neither surge nor unavailable', () => {
    expect([maxSurge(d(3, undefined, 'Recreate')), maxUnavailable(d(3, undefined, 'Recreate'))]).to.deep.equal([0, 0]);
  });
  it('maxUnavailable is capped at replicas and zero for zero replicas', () => {
    expect([maxUnavailable(d(2, { maxUnavailable: 5 })), maxUnavailable(d(0))]).to.deep.equal([2, 0]);
  });
});
