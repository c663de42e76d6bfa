import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { clusterObjectsFromList } from './cluster-objects.ts';
import { unsettledServices } from './endpoints-settled.ts';
import { loadFixture } from './fixture.ts';

describe('the fixture', () => {
  const fixture = loadFixture();

  it('holds the Services the checks need, with the endpoints each gets', () => {
    expect(fixture.namespace).to.equal('cross-check');
    expect(fixture.services.map((s) => [s.name, s.type, s.headless, s.readyEndpoints])).to.deep.equal([
      ['web', 'ClusterIP', false, 3],
      ['web-nodeport', 'NodePort', false, 3],
      ['web-headless', 'ClusterIP', true, 3],
      ['docs', 'ExternalName', false, 0],
      ['web-sticky', 'ClusterIP', false, 3],
      ['external-db', 'ClusterIP', false, 2],
    ]);
    expect(fixture.services[0].ports).to.deep.equal([
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'echo-udp', port: 8081, protocol: 'UDP' },
    ]);
  });

  it('is settled on the captured reference state, and not before its pods are ready', () => {
    // Objects captured from the reference cluster, 2026-11-22 (testdata/README.md).
    const list = JSON.parse(readFileSync(new URL('./testdata/reference-objects.json', import.meta.url), 'utf8')) as { items: Record<string, unknown>[] };
    expect(unsettledServices(clusterObjectsFromList(list), fixture)).to.deep.equal([]);
    const notReady = structuredClone(list);
    for (const item of notReady.items) {
      if (item.kind === 'EndpointSlice') for (const e of (item.endpoints as { conditions: { ready: boolean } }[] | undefined) ?? []) e.conditions.ready = false;
    }
    expect(unsettledServices(clusterObjectsFromList(notReady), fixture)).to.deep.equal(['web (0/3)', 'web-nodeport (0/3)', 'web-headless (0/3)', 'web-sticky (0/3)', 'external-db (0/2)']);
  });
});
