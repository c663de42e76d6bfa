import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ConfigMap } from '../../api/core.ts';
import type { KubeObject } from '../../api/meta.ts';
import { createApiServer } from '../../apiserver/api-server.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { newControllerRef } from '../owner-references.ts';
import { CONTROLLER_UID_INDEX, controlledAndOrphans, controllerUIDIndexValues, orphanIndexKey } from './controller-uid-index.ts';
import { Indexer } from './indexer.ts';

function setUp() {
  const api = createApiServer({ clock: new VirtualClock(), random: new SeededRandom('uid-index'), kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
  const cache = new Indexer<ConfigMap>(api, 'ConfigMap', { [CONTROLLER_UID_INDEX]: controllerUIDIndexValues });
  const owner = api.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', name: 'owner' } }).object;
  const make = (namespace: string, name: string, by?: KubeObject, controller = true) =>
    api.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace, name, ...(by ? { ownerReferences: [{ ...newControllerRef(by), controller }] } : {}) } });
  return { api, cache, owner, make };
}
const names = (objects: KubeObject[]) => objects.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe('the controller-UID index (controller_utils.go PodControllerUIDIndex)', () => {
  it('files an object under its controller UID, and an orphan under its namespace', () => {
    const { owner, make } = setUp();
    const owned = make('default', 'owned', owner).object;
    const orphan = make('default', 'orphan').object;
    const notController = make('default', 'ref-only', owner, false).object;
    expect(controllerUIDIndexValues(owned)).to.deep.equal([owner.metadata.uid]);
    expect(controllerUIDIndexValues(orphan)).to.deep.equal([orphanIndexKey('default')]);
    // An owner reference that is not the controller leaves the object an orphan.
    expect(controllerUIDIndexValues(notController)).to.deep.equal([orphanIndexKey('default')]);
  });

  it("gives an owner its own objects and its namespace's orphans, in list order, nothing from elsewhere", () => {
    const { cache, owner, make } = setUp();
    make('default', 'c-owned', owner);
    make('default', 'a-orphan');
    make('default', 'b-owned', owner);
    make('default', 'owned-by-another', make('default', 'another').object);
    make('other', 'foreign-orphan');
    // A reference to the owner's UID from another namespace does not make it the owner's.
    make('other', 'forged', owner);
    expect(names(controlledAndOrphans(cache, owner))).to.deep.equal(['default/a-orphan', 'default/another', 'default/b-owned', 'default/c-owned', 'default/owner']);
  });
});
