import { describe, it } from 'node:test';
import { expect } from 'chai';
import { executeJsonPath } from './template.ts';
import { parseJsonPath } from './parser.ts';

// A Service as kubectl v1.32.4 `kubectl label -f svc.yaml --local x=y -o jsonpath=<template>`
// printed the expected texts (same JSONPath printer as `kubectl get -o jsonpath`).
const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { labels: { run: 'my-nginx', x: 'y' }, name: 'my-nginx' },
  spec: {
    ports: [
      { name: 'http', port: 8080, protocol: 'TCP', targetPort: 80 },
      { name: 'https', port: 443, protocol: 'TCP' },
    ],
    selector: { run: 'my-nginx' },
    type: 'NodePort',
  },
};

const fivePorts = { spec: { ports: ['a', 'b', 'c', 'd', 'e'].map((name, i) => ({ name, port: i + 1 })) } };

const run = (template: string, data: unknown = service, jsonOutput = false): string =>
  executeJsonPath(parseJsonPath(template), data, { allowMissingKeys: true, jsonOutput });

describe('executeJsonPath', () => {
  const table: [string, string][] = [
    ['{.metadata.labels}', '{"run":"my-nginx","x":"y"}'],
    ['{.spec.ports}', '[{"name":"http","port":8080,"protocol":"TCP","targetPort":80},{"name":"https","port":443,"protocol":"TCP"}]'],
    ['{.spec.ports[*].port}', '8080 443'],
    ['{.spec.ports[0].port}{"\\n"}', '8080\n'],
    ['{range .spec.ports[*]}{.name}{"\\t"}{.port}{"\\n"}{end}', 'http\t8080\nhttps\t443\n'],
    ['{range .spec.ports[*]}[{.name}]{end}{"\\n"}', '[http][https]\n'],
    ['{.spec.ports[?(@.name=="https")].port}', '443'],
    ['{.spec.ports[?(@.targetPort==80)].name}', 'http'],
    ['{.spec.ports[?(@.port>500)].name}', 'http'],
    ['{.spec.ports[?(@.port!=80)].name}', 'http https'],
    ['{.spec.ports[?(@.name<"https")].name}', 'http'],
    ['{.spec.ports[?(@.name)].name}', 'http https'],
    ['{.spec.ports[?(@.port==8080)]}', '{"name":"http","port":8080,"protocol":"TCP","targetPort":80}'],
    ['{..port}', '8080 443'],
    ['{.spec.ports[0,1].name}', 'http https'],
    ['{.spec.ports[-1:].name}', 'https'],
    ['{.spec.ports[0:1]}', '{"name":"http","port":8080,"protocol":"TCP","targetPort":80}'],
    ["{.spec.ports[*]['name']}", 'http https'],
    ["{.metadata['name']}", 'my-nginx'],
    ['{.nothing}', ''],
    ['{.metadata.name.x}', ''],
    ['{.spec.ports.x}', ''],
    ['{.metadata.labels.run}', 'my-nginx'],
    ['x{.kind}y', 'xServicey'],
    ['{.spec.selector.*}', 'my-nginx'],
    ['{$.kind}', 'Service'],
    ['{.kind}{.kind}', 'ServiceService'],
    ['{true}', 'true'],
    ['{1.5}', '1.5'],
    ['{range .x}', ''],
  ];
  for (const [template, expected] of table) {
    it(template, () => {
      expect(run(template)).to.equal(expected);
    });
  }

  const slices: [string, string][] = [
    ['{.spec.ports[0:5:2].name}', 'a c e'],
    ['{.spec.ports[0:5:3].name}', 'a d'],
    ['{.spec.ports[1:4:9].name}', 'b'],
    ['{.spec.ports[::2].name}', 'a c e'],
    ['{.spec.ports[-2:].name}', 'd e'],
    ['{.spec.ports[:2].name}', 'a b'],
    ['{.spec.ports[2:2].name}', ''],
    ['{.spec.ports[5:5].name}', ''],
  ];
  for (const [template, expected] of slices) {
    it(template, () => {
      expect(run(template, fivePorts)).to.equal(expected);
    });
  }

  const errors: [string, string][] = [
    ['{.spec.ports[6:].name}', 'array index out of bounds: index 6, length 5'],
    ['{.spec.ports[1:9].name}', 'array index out of bounds: index 8, length 5'],
    ['{.spec.ports[-9:].name}', 'array index out of bounds: index -4, length 5'],
    ['{.spec.ports[4:1].name}', 'starting index 4 is greater than ending index 1'],
    ['{.spec.ports[?(@.port==443.0)].name}', 'incompatible types for comparison'],
    ['{.spec.ports[?(@.name==https)].name}', 'unrecognized identifier https'],
    ['{end}', 'not in range, nothing to end'],
    ['{.spec.ports[0].name[0]}', 'string is not array or slice'],
  ];
  for (const [template, message] of errors) {
    it(`${template} fails`, () => {
      expect(() => run(template, fivePorts)).to.throw(message);
    });
  }

  it('jsonpath-as-json prints each segment as an array', () => {
    expect(run('{.spec.ports[*].port}', service, true)).to.equal('[\n    8080,\n    443\n]\n');
    expect(run('{.nothing}', service, true)).to.equal('[]\n');
  });
});

describe('parseJsonPath', () => {
  // kubectl v1.32.4: `error parsing jsonpath <template>, <message>`
  const errors: [string, string][] = [
    ['{.a', 'unclosed action'],
    ['{.items[', 'unterminated array'],
    ['{.a[?(@.x=="y")}', 'unclosed array expect ]'],
    ['{.a[x]}', 'invalid array index x'],
    ['{.a["b]}', 'invalid array index "b'],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{.spec.ports[0]["name"]}', 'invalid array index "name"'],
  ];
  for (const [template, message] of errors) {
    it(`${template} → ${message}`, () => {
      expect(() => parseJsonPath(template)).to.throw(message);
    });
  }
  it('unescapes dots in field names', () => {
    const data = { metadata: { labels: { 'app.kubernetes.io/name': 'web' } } };
    expect(run('{.metadata.labels.app\\.kubernetes\\.io/name}', data)).to.equal('web');
  });
});
