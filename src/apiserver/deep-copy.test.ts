import { describe, it } from 'node:test';
import { expect } from 'chai';
import { deepCopy, deepFreeze } from './deep-copy.ts';

describe('deepCopy', () => {
  it('copies nested objects and arrays without sharing', () => {
    const original = { metadata: { labels: { app: 'x' } }, spec: { ports: [{ port: 80 }] }, n: null };
    const copy = deepCopy(original);
    expect(copy).to.deep.equal(original);
    copy.spec.ports[0].port = 81;
    copy.metadata.labels.app = 'y';
    expect(original.spec.ports[0].port).to.equal(80);
    expect(original.metadata.labels.app).to.equal('x');
  });
  it('drops undefined members, as JSON does', () => {
    expect(Object.keys(deepCopy({ a: 1, b: undefined }))).to.deep.equal(['a']);
  });
});

describe('deepFreeze', () => {
  it('makes every level read-only', () => {
    const frozen = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(() => {
      (frozen.a.b[1] as { c: number }).c = 3;
    }).to.throw(TypeError);
  });
});
