import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ConfigMap } from '../../api/core.ts';
import { createApiServer } from '../../apiserver/api-server.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { Indexer } from './indexer.ts';

const newApi = () => createApiServer({ clock: new VirtualClock(), random: new SeededRandom('indexer'), kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
const configMap = (namespace: string, name: string, team: string): ConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace, name, labels: { team } } });
const byTeam = { team: (cm: ConfigMap) => [cm.metadata.labels?.team ?? ''] };
const names = (objects: ConfigMap[]) => objects.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe('Indexer (an informer cache with indexes)', () => {
  it('lists what exists, then follows creations, changes and deletions', () => {
    const api = newApi();
    api.create(configMap('default', 'a', 'red'));
    const cache = new Indexer<ConfigMap>(api, 'ConfigMap', byTeam);
    api.create(configMap('default', 'b', 'red'));
    expect(names(cache.byIndex('team', 'red'))).to.deep.equal(['default/a', 'default/b']);
    api.patch({ kind: 'ConfigMap', namespace: 'default', name: 'a' }, 'merge', { metadata: { labels: { team: 'blue' } } });
    expect(names(cache.byIndex('team', 'red'))).to.deep.equal(['default/b']);
    expect(names(cache.byIndex('team', 'blue'))).to.deep.equal(['default/a']);
    api.delete({ kind: 'ConfigMap', namespace: 'default', name: 'b' });
    expect(cache.byIndex('team', 'red')).to.deep.equal([]);
    expect(cache.get('default/b')).to.equal(undefined);
  });

  it('answers in the API server list order (code units of namespace/name, not locale)', () => {
    const api = newApi();
    const cache = new Indexer<ConfigMap>(api, 'ConfigMap', byTeam);
    for (const ns of ['a', 'a-b']) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (const [ns, name] of [['default', 'b'], ['a-b', 'x'], ['a', 'y'], ['default', 'a1'], ['default', 'a-1']]) api.create(configMap(ns, name, 'red'));
    const listed = api.listShared<ConfigMap>('ConfigMap', { labelSelector: 'team=red' });
    expect(names(cache.byIndex('team', 'red'))).to.deep.equal(names([...listed]));
    expect(names(cache.byIndex('team', 'red'))).to.deep.equal(['a-b/x', 'a/y', 'default/a-1', 'default/a1', 'default/b']);
  });

  it("hands out the API server's shared objects: the ones listShared gives", () => {
    const api = newApi();
    const cache = new Indexer<ConfigMap>(api, 'ConfigMap', byTeam);
    api.create(configMap('default', 'a', 'red'));
    const [shared] = api.listShared<ConfigMap>('ConfigMap');
    expect(cache.get('default/a')).to.equal(shared);
    expect(Object.isFrozen(shared)).to.equal(true);
  });
});
