import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApiServer } from '../apiserver/api-server.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { SeededRandom } from '../random/seeded-random.ts';
import { servedApiVersion } from './served-api-version.ts';

// pkg/registry/discovery/rest/storage_discovery.go: EndpointSlice v1beta1 from 1.17 to 1.24, v1 from 1.21.
describe('servedApiVersion', () => {
  const cases: [version: string, kind: string, expected: string][] = [
    ['1.19', 'EndpointSlice', 'discovery.k8s.io/v1beta1'],
    ['1.21', 'EndpointSlice', 'discovery.k8s.io/v1'],
    ['1.31', 'EndpointSlice', 'discovery.k8s.io/v1'],
    ['1.19', 'Service', 'v1'],
    ['1.31', 'NoSuchKind', 'example.com/v9'],
  ];
  for (const [version, kind, expected] of cases) {
    it(`${kind} on ${version} is written as ${expected}`, () => {
      const api = createApiServer({ clock: new VirtualClock(), random: new SeededRandom('served'), kubernetesVersion: version, serviceCIDR: '10.96.0.0/16' });
      expect(servedApiVersion(api, kind, 'example.com/v9')).to.equal(expected);
    });
  }
});
