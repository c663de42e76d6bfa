import { describe, it } from 'node:test';
import { expect } from 'chai';
import { alignOrdered, alignUnordered, rowIsIdentical } from './line-alignment.ts';

describe('alignOrdered', () => {
  it('keeps lines after an extra one aligned', () => {
    expect(alignOrdered(['a', 'x', 'b', 'c'], ['a', 'b', 'c'])).to.deep.equal([
      { reference: 'a', memory: 'a' },
      { reference: 'x', memory: undefined },
      { reference: 'b', memory: 'b' },
      { reference: 'c', memory: 'c' },
    ]);
  });

  it('pairs a changed line side by side', () => {
    expect(alignOrdered(['a', 'b1', 'c'], ['a', 'b2', 'c'])).to.deep.equal([
      { reference: 'a', memory: 'a' },
      { reference: 'b1', memory: 'b2' },
      { reference: 'c', memory: 'c' },
    ]);
  });

  it('sees order', () => {
    expect(alignOrdered(['a', 'b'], ['b', 'a']).every(rowIsIdentical)).to.equal(false);
  });
});

describe('alignUnordered', () => {
  it('compares multisets', () => {
    expect(alignUnordered(['b', 'a', 'a'], ['a', 'b', 'a']).every(rowIsIdentical)).to.equal(true);
    expect(alignUnordered(['a', 'a'], ['a']).filter((r) => !rowIsIdentical(r))).to.deep.equal([{ reference: 'a', memory: undefined }]);
  });
});
