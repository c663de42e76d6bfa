import { describe, it } from 'node:test';
import { expect } from 'chai';
import { WorkQueue } from './work-queue.ts';

describe('WorkQueue', () => {
  it('processes each key once, in first-added order, and keys added meanwhile on the next drain', () => {
    const q = new WorkQueue();
    for (const k of ['a', 'b', 'a', 'c', 'b']) q.add(k);
    const seen: string[] = [];
    expect(q.drain((k) => {
      seen.push(k);
      if (k === 'a') q.add('a');
    })).to.equal(true);
    expect(seen).to.deep.equal(['a', 'b', 'c']);
    expect(q.length).to.equal(1);
    expect(q.drain(() => {})).to.equal(true);
    expect(q.drain(() => {})).to.equal(false);
  });
});
