import { describe, it } from 'node:test';
import { expect } from 'chai';
import { jsonEqual } from './json-equal.ts';

describe('jsonEqual', () => {
  const same: [unknown, unknown][] = [
    [{ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }],
    [{ a: 1, gone: undefined }, { a: 1 }],
    [[undefined], [null]],
    ['x', 'x'],
    [undefined, undefined],
  ];
  const different: [unknown, unknown][] = [
    [{ a: 1 }, { a: 2 }],
    [{ a: 1 }, { a: 1, b: 0 }],
    [[1, 2], [2, 1]],
    [{ a: [] }, { a: {} }],
    [null, {}],
    [1, '1'],
  ];
  for (const [a, b] of same) {
    it(`equal: ${JSON.stringify(a)}`, () => {
      expect(jsonEqual(a, b)).to.equal(true);
    });
  }
  for (const [a, b] of different) {
    it(`different: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`, () => {
      expect(jsonEqual(a, b)).to.equal(false);
    });
  }
});
