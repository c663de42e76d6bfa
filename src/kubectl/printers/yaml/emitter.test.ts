import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { encodeYaml } from './emitter.ts';

const testdata = new URL('../testdata/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, testdata), 'utf8');

describe('encodeYaml', () => {
  // Goldens: kubectl v1.32.4 on this machine, `kubectl label -f <input> --local x=y -o yaml`
  // (the same YAML printer as `kubectl get -o yaml`); the inputs carry the label it adds.
  for (const name of ['cm', 'cm2', 'nums']) {
    it(`matches kubectl's YAML for testdata/${name}.input.json`, () => {
      const input = JSON.parse(read(`${name}.input.json`));
      expect(encodeYaml(input)).to.equal(read(`yaml-${name}.golden.yaml`));
    });
  }

  const cases: [string, unknown, string][] = [
    // Seed 000: `kubectl get svc my-nginx -o yaml | grep nodePort -C 5` (lists not indented under their key).
    [
      'service ports as in seed 000',
      { spec: { clusterIP: '10.0.162.149', ports: [{ name: 'http', nodePort: 31704, port: 8080, protocol: 'TCP', targetPort: 80 }, { name: 'https', nodePort: 32453, port: 443, protocol: 'TCP', targetPort: 443 }], selector: { run: 'my-nginx' } } },
      'spec:\n  clusterIP: 10.0.162.149\n  ports:\n  - name: http\n    nodePort: 31704\n    port: 8080\n    protocol: TCP\n    targetPort: 80\n  - name: https\n    nodePort: 32453\n    port: 443\n    protocol: TCP\n    targetPort: 443\n  selector:\n    run: my-nginx\n',
    ],
    // kubectl get -o yaml of an empty list (kubectl get.go printGeneric; widely quoted output).
    ['empty List', { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } }, 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n'],
    ['null value', { a: null }, 'a: null\n'],
    ['empty map', {}, '{}\n'],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => {
      expect(encodeYaml(value)).to.equal(expected);
    });
  }
});
