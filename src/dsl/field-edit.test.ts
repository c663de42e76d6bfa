import { describe, it } from 'node:test';
import { expect } from 'chai';
import { FieldPathError, mergePatchFor, yamlScalar } from './field-edit.ts';

describe('field edits', () => {
  it('turns a dotted path into a merge patch (seed 000: NodePort to LoadBalancer)', () => {
    expect(mergePatchFor({ path: 'spec.type', value: 'LoadBalancer' })).to.deep.equal({ spec: { type: 'LoadBalancer' } });
  });
  it('reads values as YAML would', () => {
    expect([yamlScalar('3'), yamlScalar('true'), yamlScalar('ClientIP'), yamlScalar('null')]).to.deep.equal([3, true, 'ClientIP', null]);
  });
  it('refuses list indexes and empty parts', () => {
    expect(() => mergePatchFor({ path: 'spec.ports[0].port', value: 1 })).to.throw(FieldPathError);
    expect(() => mergePatchFor({ path: 'spec..type', value: 1 })).to.throw(FieldPathError);
  });
});
