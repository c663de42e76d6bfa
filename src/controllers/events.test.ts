import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Event, Pod } from '../api/core.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { SeededRandom } from '../random/seeded-random.ts';
import { EventRecorder } from './events.ts';
import { FakeApiServer } from './testing/fake-api-server.ts';

function setup() {
  const clock = new VirtualClock();
  const random = new SeededRandom('events');
  const api = new FakeApiServer(clock, random);
  const pod = api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [] } }).object;
  const recorder = new EventRecorder(api, clock, random, { component: 'kubelet', host: 'kind-worker' });
  return { clock, api, pod, recorder };
}

describe('EventRecorder (client-go tools/record)', () => {
  it('names an event <object>.<Unix nanoseconds in hex> and fills the legacy fields', () => {
    const { api, pod, recorder } = setup();
    recorder.event(pod, 'Normal', 'Pulling', 'Pulling image "nginx"', 'spec.containers{web}');
    const [e] = api.list<Event>('Event');
    const nanos = BigInt(`0x${String(e.metadata.name).split('.')[1]}`);
    // 2026-01-01T00:00:00Z is 1767225600 s after the epoch; the sub-millisecond part is seeded.
    expect(nanos / 1_000_000n).to.equal(1767225600000n);
    expect({ ...e, metadata: undefined }).to.deep.equal({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: undefined,
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: pod.metadata.uid, apiVersion: 'v1', resourceVersion: pod.metadata.resourceVersion, fieldPath: 'spec.containers{web}' },
      reason: 'Pulling',
      message: 'Pulling image "nginx"',
      source: { component: 'kubelet', host: 'kind-worker' },
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:00:00Z',
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: 'kubelet',
      reportingInstance: 'kind-worker',
    });
  });

  it('aggregates an identical event: count + 1 and a new lastTimestamp on the first one', () => {
    const { api, clock, pod, recorder } = setup();
    recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    clock.advance(10_000);
    recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
    recorder.event(pod, 'Warning', 'Unhealthy', 'Readiness probe failed');
    const events = api.list<Event>('Event');
    expect(events.map((e) => [e.reason, e.count, e.firstTimestamp, e.lastTimestamp])).to.deep.include.members([
      ['BackOff', 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:10Z'],
      ['Unhealthy', 1, '2026-01-01T00:00:10Z', '2026-01-01T00:00:10Z'],
    ]);
    expect(events).to.have.length(2);
  });

  it('writes events of cluster-scoped objects to the default namespace', () => {
    const { api, clock, recorder } = setup();
    const node = api.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'kind-worker' }, spec: {}, status: {} }).object;
    recorder.event(node, 'Normal', 'Starting', 'Starting kubelet.');
    clock.advance(0);
    const e = api.list<Event>('Event')[0];
    expect([e.metadata.namespace, e.involvedObject.namespace]).to.deep.equal(['default', undefined]);
  });
});
