import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/core.ts';
import { podsToDelete } from './pods-to-delete.ts';

const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);

function pod(name: string, o: { node?: string; phase?: Pod['status'] extends infer S ? S extends { phase?: infer P } ? P : never : never; ready?: boolean; readyAgoS?: number; createdAgoS?: number; restarts?: number; cost?: string }): Pod {
  const at = (s: number) => new Date(NOW - s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, uid: name, creationTimestamp: at(o.createdAgoS ?? 3600), annotations: o.cost ? { 'controller.kubernetes.io/pod-deletion-cost': o.cost } : undefined },
    spec: { containers: [], nodeName: o.node },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: at(o.readyAgoS ?? 3000) }],
      containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: true, restartCount: o.restarts ?? 0, state: {} }],
    },
  };
}

describe('podsToDelete (controller_utils.go ActivePodsWithRanks)', () => {
  const table: [string, Pod[], string][] = [
    ['unscheduled first', [pod('bound', { node: 'w1' }), pod('unbound', {})], 'unbound'],
    ['Pending before Running', [pod('running', { node: 'w1' }), pod('pending', { node: 'w1', phase: 'Pending' })], 'pending'],
    ['not ready before ready', [pod('ready', { node: 'w1' }), pod('unready', { node: 'w2', ready: false })], 'unready'],
    ['lower deletion cost first', [pod('dear', { node: 'w1', cost: '10' }), pod('cheap', { node: 'w2', cost: '-5' })], 'cheap'],
    ['doubled-up node first', [pod('alone', { node: 'w1' }), pod('twin1', { node: 'w2' }), pod('twin2', { node: 'w2', readyAgoS: 3000 })], 'twin1'],
    ['ready for less time first (log scale)', [pod('old', { node: 'w1', readyAgoS: 3000 }), pod('fresh', { node: 'w2', readyAgoS: 10 })], 'fresh'],
    ['more restarts first', [pod('calm', { node: 'w1' }), pod('flappy', { node: 'w2', restarts: 3 })], 'flappy'],
    ['newer first (log scale)', [pod('elder', { node: 'w1', createdAgoS: 7200 }), pod('young', { node: 'w2', createdAgoS: 60 })], 'young'],
    ['same log2 bucket: by UID', [pod('b', { node: 'w1', createdAgoS: 3600 }), pod('a', { node: 'w2', createdAgoS: 3601 })], 'a'],
  ];
  for (const [name, pods, first] of table) {
    it(name, () => {
      expect(podsToDelete(pods, pods, 1, NOW).map((p) => p.metadata.name)).to.deep.equal([first]);
    });
  }
});
