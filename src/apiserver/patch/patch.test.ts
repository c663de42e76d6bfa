/**
 * Patch types. Merge patch: RFC 7386 §3 examples. JSON patch: RFC 6902
 * operations, error texts of gopkg.in/evanphx/json-patch.v4 (patch.go).
 * Strategic merge: merge keys from the patchMergeKey tags of k8s.io/api/core/v1/types.go.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { applyMergePatch } from './json-merge-patch.ts';
import { applyJsonPatch, JsonPatchError } from './json-patch.ts';
import { applyStrategicMergePatch } from './strategic-merge-patch.ts';

describe('JSON merge patch (RFC 7386 appendix A)', () => {
  const table: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ a: 'b' }, ['c'], ['c']],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  ];
  table.forEach(([target, patch, result], i) => it(`example ${i + 1}`, () => void expect(applyMergePatch(target, patch)).to.deep.equal(result)));
});

describe('JSON patch (RFC 6902)', () => {
  const doc = { spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'nginx' }] } } } };
  it('adds, replaces, removes, tests, copies and moves', () => {
    const out = applyJsonPatch(doc, [
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'b', image: 'busybox' } },
      { op: 'test', path: '/spec/replicas', value: 3 },
      { op: 'copy', from: '/spec/replicas', path: '/spec/minReadySeconds' },
      { op: 'move', from: '/spec/minReadySeconds', path: '/spec/paused' },
      { op: 'remove', path: '/spec/template/spec/containers/0' },
    ]);
    expect(out).to.deep.equal({ spec: { replicas: 3, paused: 3, template: { spec: { containers: [{ name: 'b', image: 'busybox' }] } } } });
    expect(doc.spec.replicas).to.equal(1);
  });

  const errors: [unknown[], string][] = [
    [[{ op: 'add', path: '/spec/x/y', value: 1 }], 'add operation does not apply: doc is missing path: "/spec/x/y": missing value'],
    [[{ op: 'remove', path: '/spec/nodeSelector/a' }], 'remove operation does not apply: doc is missing path: "/spec/nodeSelector/a": missing value'],
    [[{ op: 'remove', path: '/spec/paused' }], "error in remove for path: '/spec/paused': Unable to remove nonexistent key: paused: missing value"],
    [[{ op: 'replace', path: '/spec/paused', value: true }], 'replace operation does not apply: doc is missing key: /spec/paused: missing value'],
    [[{ op: 'test', path: '/spec/replicas', value: 2 }], 'testing value /spec/replicas failed: test failed'],
    [[{ op: 'frob', path: '/spec' }], 'Unexpected kind: frob'],
  ];
  for (const [patch, message] of errors) {
    it(message, () => void expect(() => applyJsonPatch(doc, patch)).to.throw(JsonPatchError).with.property('message', message));
  }
  it('refuses a patch that is not a list', () => void expect(() => applyJsonPatch(doc, { op: 'add' })).to.throw(JsonPatchError).with.property('decode', true));
});

describe('strategic merge patch', () => {
  const deployment = {
    spec: {
      replicas: 1,
      template: {
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.18', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] },
            { name: 'side', image: 'busybox' },
          ],
        },
      },
    },
  };

  it('merges containers by name and keeps the others', () => {
    const out = applyStrategicMergePatch('Deployment', deployment, { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.19' }] } } } });
    expect(out.spec).to.deep.equal({
      replicas: 1,
      template: {
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.19', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] },
            { name: 'side', image: 'busybox' },
          ],
        },
      },
    });
  });

  it('merges env by name and container ports by containerPort', () => {
    const out = applyStrategicMergePatch('Deployment', deployment, {
      spec: { template: { spec: { containers: [{ name: 'web', env: [{ name: 'B', value: '2' }], ports: [{ containerPort: 443 }] }] } } },
    }) as typeof deployment;
    const web = out.spec.template.spec.containers[0];
    expect(web.env).to.deep.equal([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect(web.ports).to.deep.equal([{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }]);
  });

  it('deletes an item with $patch: delete', () => {
    const out = applyStrategicMergePatch('Deployment', deployment, { spec: { template: { spec: { containers: [{ name: 'side', $patch: 'delete' }] } } } }) as typeof deployment;
    expect(out.spec.template.spec.containers.map((c) => c.name)).to.deep.equal(['web']);
  });

  it('replaces a list with $patch: replace', () => {
    const out = applyStrategicMergePatch('Deployment', deployment, {
      spec: { template: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } } },
    }) as typeof deployment;
    expect(out.spec.template.spec.containers).to.deep.equal([{ name: 'only', image: 'x' }]);
  });

  it('merges Service ports by port, sets type, deletes with null', () => {
    const svc = { spec: { type: 'ClusterIP', ports: [{ name: 'http', port: 80, targetPort: 8080 }], sessionAffinity: 'ClientIP' } };
    const out = applyStrategicMergePatch('Service', svc, { spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }], sessionAffinity: null } });
    expect(out).to.deep.equal({ spec: { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] } });
  });

  it('replaces lists without a merge key (args) and honours $setElementOrder', () => {
    const pod = { spec: { containers: [{ name: 'a', args: ['x', 'y'] }, { name: 'b' }] } };
    const out = applyStrategicMergePatch('Pod', pod, {
      spec: { containers: [{ name: 'a', args: ['z'] }], '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] },
    }) as typeof pod;
    expect(out.spec.containers).to.deep.equal([{ name: 'b' }, { name: 'a', args: ['z'] }]);
  });

  it('merges metadata.labels as a map and finalizers as a set', () => {
    const obj = { metadata: { labels: { a: '1' }, finalizers: ['x'] } };
    const out = applyStrategicMergePatch('Pod', obj, { metadata: { labels: { b: '2' }, finalizers: ['y'] } });
    expect(out).to.deep.equal({ metadata: { labels: { a: '1', b: '2' }, finalizers: ['x', 'y'] } });
  });
});
