import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/core.ts';
import { formatQuantity } from '../printers/quantity.ts';
import { podLimits, podRequests, type ResourceList } from './pod-resources.ts';

// The arithmetic of PodRequests / PodLimits in k8s.io/component-helpers/resource/helpers.go
// (cases modelled on helpers_test.go: init containers, restartable init containers, overhead).
function container(name: string, requests: Record<string, string> = {}, limits: Record<string, string> = {}, sidecar = false) {
  return { name, image: 'x', resources: { requests, limits }, ...(sidecar ? { restartPolicy: 'Always' as const } : {}) };
}

function pod(spec: Record<string, unknown>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec } as unknown as Pod;
}

function printable(list: ResourceList): Record<string, string> {
  return Object.fromEntries([...list].map(([name, q]) => [name, formatQuantity(q)]));
}

describe('podRequests', () => {
  const cases: { name: string; spec: Record<string, unknown>; expected: Record<string, string> }[] = [
    {
      name: 'containers add up',
      spec: { containers: [container('a', { cpu: '100m', memory: '64Mi' }), container('b', { cpu: '200m', memory: '64Mi' })] },
      expected: { cpu: '300m', memory: '128Mi' },
    },
    {
      name: 'a larger init container sets the request',
      spec: { containers: [container('a', { cpu: '100m' }), container('b', { cpu: '200m' })], initContainers: [container('i', { cpu: '500m' })] },
      expected: { cpu: '500m' },
    },
    {
      name: 'a sidecar adds to the containers and to every later init container',
      spec: { containers: [container('a', { cpu: '300m' })], initContainers: [container('s', { cpu: '100m' }, {}, true), container('i', { cpu: '250m' })] },
      expected: { cpu: '400m' },
    },
    {
      name: 'an init container before the sidecar runs alone',
      spec: { containers: [container('a', { cpu: '100m' })], initContainers: [container('i', { cpu: '1' }), container('s', { cpu: '200m' }, {}, true)] },
      expected: { cpu: '1' },
    },
    {
      name: 'overhead adds to every request',
      spec: { containers: [container('a', { cpu: '100m' })], overhead: { cpu: '250m', memory: '120Mi' } },
      expected: { cpu: '350m', memory: '120Mi' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(printable(podRequests(pod(c.spec)))).to.deep.equal(c.expected);
    });
  }
});

describe('podLimits', () => {
  it('overhead adds only to the limits the pod has', () => {
    const spec = { containers: [container('a', {}, { memory: '128Mi' })], overhead: { cpu: '250m', memory: '10Mi' } };
    expect(printable(podLimits(pod(spec)))).to.deep.equal({ memory: '138Mi' });
  });

  it('a sidecar limit adds to the containers', () => {
    const spec = { containers: [container('a', {}, { cpu: '500m' })], initContainers: [container('s', {}, { cpu: '500m' }, true)] };
    expect(printable(podLimits(pod(spec)))).to.deep.equal({ cpu: '1' });
  });
});
