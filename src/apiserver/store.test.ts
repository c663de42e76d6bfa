import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KubeObject } from '../api/meta.ts';
import { deepCopy } from './deep-copy.ts';
import { ObjectStore } from './store.ts';
import type { WatchEvent } from './types.ts';

const configMap = (data: Record<string, string>): KubeObject & { data: Record<string, string> } => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', name: 'cfg' }, data });

describe('ObjectStore watch events', () => {
  it('gives a MODIFIED event the object as it was, the same presentation its own event carried', () => {
    let presented = 0;
    const store = new ObjectStore((obj) => (presented++, deepCopy(obj)));
    const events: WatchEvent[] = [];
    store.watch('ConfigMap', (e) => events.push(e));
    store.commit(configMap({ a: '1' }), 'ADDED');
    // Writers change a copy of the stored object, never the stored object.
    const next = deepCopy(store.read('ConfigMap', 'default', 'cfg')!) as ReturnType<typeof configMap>;
    next.data.a = '2';
    store.commit(next, 'MODIFIED');
    expect(events.map((e) => e.type)).to.deep.equal(['ADDED', 'MODIFIED']);
    expect(events[1].old).to.equal(events[0].object);
    expect((events[1].old as ReturnType<typeof configMap>).data).to.deep.equal({ a: '1' });
    expect((events[1].object as ReturnType<typeof configMap>).data).to.deep.equal({ a: '2' });
    expect(events[1].old?.metadata.resourceVersion).to.equal('1');
    expect(Object.isFrozen(events[1].old)).to.equal(true);
    // One presentation per write.
    expect(presented).to.equal(2);
  });

  it('gives an ADDED event no old object, even for a name that was stored before', () => {
    const store = new ObjectStore();
    const events: WatchEvent[] = [];
    store.watch('ConfigMap', (e) => events.push(e));
    const first = store.commit(configMap({ a: '1' }), 'ADDED');
    store.remove(first);
    store.commit(configMap({ a: '3' }), 'ADDED');
    expect(events.map((e) => [e.type, e.old])).to.deep.equal([
      ['ADDED', undefined],
      ['DELETED', undefined],
      ['ADDED', undefined],
    ]);
  });
});
