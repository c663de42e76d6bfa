import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { PodTemplateSpec } from '../../api/core.ts';
import { equalIgnoreHash, POD_TEMPLATE_HASH_LABEL, templateKeyIgnoringHash } from './template-equality.ts';

const template = (labels: Record<string, string> | undefined, extra: Partial<PodTemplateSpec['spec']> = {}): PodTemplateSpec => ({
  metadata: labels === undefined ? {} : { labels },
  spec: { containers: [{ name: 'web', image: 'nginx' }], ...extra },
});

describe('equalIgnoreHash (deployment_util.go EqualIgnoreHash)', () => {
  // Rows: two templates, and whether they are the same rollout.
  const table: [string, PodTemplateSpec | undefined, PodTemplateSpec | undefined, boolean][] = [
    ['the hash label is ignored', template({ app: 'a', [POD_TEMPLATE_HASH_LABEL]: '5d8f9c' }), template({ app: 'a' }), true],
    ['labels left empty by the hash equal no labels', template({ [POD_TEMPLATE_HASH_LABEL]: '5d8f9c' }), template(undefined), true],
    ['other labels count', template({ app: 'a' }), template({ app: 'b' }), false],
    ['key order does not count', { spec: { containers: [{ image: 'nginx', name: 'web' }] }, metadata: {} } as PodTemplateSpec, template(undefined), true],
    ['an empty list equals none', template(undefined, { volumes: [] }), template(undefined), true],
    ['the spec counts', template(undefined, { hostNetwork: true }), template(undefined), false],
    ['no template equals no template', undefined, undefined, true],
  ];
  for (const [title, a, b, equal] of table) {
    it(title, () => {
      expect(equalIgnoreHash(a, b)).to.equal(equal);
      expect(templateKeyIgnoringHash(a) === templateKeyIgnoringHash(b)).to.equal(equal);
    });
  }

  it('leaves the templates it compares as they were', () => {
    const t = template({ app: 'a', [POD_TEMPLATE_HASH_LABEL]: '5d8f9c' });
    equalIgnoreHash(t, template({ app: 'a' }));
    expect(t.metadata?.labels).to.deep.equal({ app: 'a', [POD_TEMPLATE_HASH_LABEL]: '5d8f9c' });
  });
});
