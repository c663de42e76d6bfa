/**
 * Replays: the same seed and scenario give the same cluster, names and
 * addresses; another seed gives other ones (the report prints the seed so a
 * failed run can be replayed exactly).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MemoryBackend } from '../src/backends/memory/memory-backend.ts';
import { readRunSettings } from '../src/backend/run-settings.ts';

async function transcript(seed: string): Promise<string> {
  const backend = new MemoryBackend(readRunSettings({}, {}, () => seed));
  await backend.startScenario({ id: 'features/x.feature:3', name: 'x', tags: [], seed });
  let out = '';
  for (const line of [
    'kubectl create deployment web --image=nginx --replicas=3',
    'kubectl expose deployment web --port=80 --type=NodePort',
    'kubectl rollout status deployment/web --timeout=60s',
    'kubectl get pods -o wide',
    'kubectl get svc web',
  ]) {
    out += (await backend.run(line)).stdout;
  }
  await backend.endScenario();
  return out;
}

describe('replaying a run from its seed', () => {
  it('gives the same pod names, IPs, nodes, ClusterIP and NodePort for the same seed', async () => {
    const first = await transcript('c0ffee');
    expect(await transcript('c0ffee')).to.equal(first);
    expect(first).to.match(/web-[a-z0-9]+-[a-z0-9]{5}/);
  });

  it('gives other generated names for another seed', async () => {
    expect(await transcript('c0ffee')).to.not.equal(await transcript('decaf'));
  });
});
