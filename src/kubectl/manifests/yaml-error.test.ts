import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseAllDocuments } from 'yaml';
import { goYamlMessage } from './yaml-error.ts';

/**
 * Goldens: `kubectl apply -f FILE` of the kubectl 1.31 binary on this machine,
 * which prints `error: error parsing FILE: error converting YAML to JSON: <this>`.
 */
const CASES: [string, string][] = [
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: a: b\n', 'yaml: line 5: mapping values are not allowed in this context'],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n\tfoo: 1\n', 'yaml: line 5: found a tab character that violates indentation'],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n   foo: 1\n', 'yaml: line 5: mapping values are not allowed in this context'],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n name2: y\n', 'yaml: line 4: did not find expected key'],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: "x\n', 'yaml: line 5: found unexpected end of stream'],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: [a, b\n', "yaml: line 4: did not find expected ',' or ']'"],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports:\n  - port: 80\n   protocol: TCP\n', 'yaml: line 7: did not find expected key'],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports:\n    - port: 80\n  - port: 81\n', 'yaml: line 7: did not find expected key'],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: @x\n', 'yaml: line 4: found character that cannot start any token'],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports: {port: 80\n', "yaml: line 6: did not find expected ',' or '}'"],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  - name: x\n  name: y\n', "yaml: line 4: did not find expected '-' indicator"],
  ['apiVersion: v1\nkind: Service\nmetadata:\n  name: other\nspec:\n  ports:\n  - port: [\n', 'yaml: line 7: did not find expected node content'],
];

describe('goYamlMessage: go-yaml wording of YAML syntax errors', () => {
  CASES.forEach(([text, want], i) => {
    it(`case ${i + 1}: ${want}`, () => {
      const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false });
      const error = (Array.isArray(docs) ? docs : [docs]).flatMap((d) => d.errors)[0];
      expect(error, 'the yaml package sees an error').to.not.equal(undefined);
      expect(goYamlMessage(text, error)).to.equal(want);
    });
  });
});
