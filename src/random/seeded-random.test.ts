import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SeededRandom } from './seeded-random.ts';

describe('SeededRandom', () => {
  it('replays the same choices from the same seed', () => {
    const a = new SeededRandom('run-1');
    const b = new SeededRandom('run-1');
    expect([a.int(0, 1000), a.string('abc', 5), a.float()]).to.deep.equal([b.int(0, 1000), b.string('abc', 5), b.float()]);
  });

  it('gives sibling streams independent first draws', () => {
    // A fair coin from 200 streams whose labels differ by one number: both faces must show often.
    const firsts = Array.from({ length: 200 }, (_, i) => new SeededRandom('seed').derive(`packet-${i}`).int(0, 1));
    const ones = firsts.filter((x) => x === 1).length;
    expect(ones).to.be.within(70, 130);
  });

  it('clones a stream at its position: the clone draws what the stream draws next, independently', () => {
    const stream = new SeededRandom('s');
    stream.int(0, 1e9);
    const copy = stream.clone();
    const ahead = Array.from({ length: 5 }, () => stream.int(0, 1e9));
    expect(Array.from({ length: 5 }, () => copy.int(0, 1e9))).to.deep.equal(ahead);
    expect(copy.seed).to.equal('s');
  });

  it('keeps derived streams apart from their parent', () => {
    const parent = new SeededRandom('s');
    const child = parent.derive('names');
    expect(Array.from({ length: 5 }, () => parent.int(0, 1e9))).to.not.deep.equal(Array.from({ length: 5 }, () => child.int(0, 1e9)));
  });
});
