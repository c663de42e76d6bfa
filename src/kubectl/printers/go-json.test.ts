import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { marshalJson, marshalJsonIndent } from './go-json.ts';

const testdata = new URL('./testdata/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, testdata), 'utf8');

describe('marshalJsonIndent', () => {
  // Goldens: kubectl v1.32.4 on this machine, `kubectl label -f <input> --local x=y -o json`
  // (json.MarshalIndent with four spaces plus a newline, as `kubectl get -o json`).
  for (const name of ['cm', 'cm2', 'nums']) {
    it(`matches kubectl's JSON for testdata/${name}.input.json`, () => {
      const input = JSON.parse(read(`${name}.input.json`));
      expect(marshalJsonIndent(input) + '\n').to.equal(read(`json-${name}.golden.json`));
    });
  }
});

describe('marshalJson', () => {
  // kubectl v1.32.4 `-o jsonpath={.metadata.labels}` and `{.spec.ports}` on a Service (compact json.Marshal).
  it('is compact with sorted keys', () => {
    expect(marshalJson({ x: 'y', run: 'my-nginx' })).to.equal('{"run":"my-nginx","x":"y"}');
    expect(marshalJson([{ targetPort: 80, protocol: 'TCP', port: 8080, name: 'http' }])).to.equal('[{"name":"http","port":8080,"protocol":"TCP","targetPort":80}]');
  });
  it('escapes HTML characters as Go does', () => {
    expect(marshalJson('<&>')).to.equal('"\\u003c\\u0026\\u003e"');
  });
});
