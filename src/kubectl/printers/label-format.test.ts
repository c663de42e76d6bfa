import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { LabelSelector } from '../../api/meta.ts';
import { formatLabelSelector, formatLabels, selectorString } from './label-format.ts';

describe('formatLabels', () => {
  // labels.FormatLabels (k8s.io/apimachinery/pkg/labels/labels.go): sorted keys, `<none>` when empty;
  // `kubectl get pods --show-labels` in printers.golden.test.ts shows the same on the real kubectl
  const cases: [Record<string, string> | undefined, string][] = [
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ run: 'my-nginx' }, 'run=my-nginx'],
    [{ 'pod-template-hash': '7c6b5d8f9b', app: 'web', Z: '1' }, 'Z=1,app=web,pod-template-hash=7c6b5d8f9b'],
    [{ empty: '' }, 'empty='],
  ];
  for (const [labels, expected] of cases) {
    it(expected, () => {
      expect(formatLabels(labels)).to.equal(expected);
    });
  }
});

describe('selectorString / formatLabelSelector', () => {
  // Selector.String of LabelSelectorAsSelector (TestToString in k8s.io/apimachinery/pkg/labels/selector_test.go:
  // requirements sorted by key, `in (a,b)`, `notin (a,b)`, `k`, `!k`) and metav1.FormatLabelSelector's `<none>`
  const cases: [LabelSelector | undefined, string, string][] = [
    [undefined, '', '<none>'],
    [{}, '', '<none>'],
    [{ matchLabels: { run: 'my-nginx' } }, 'run=my-nginx', 'run=my-nginx'],
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2', 'a=1,b=2'],
    [
      {
        matchExpressions: [
          { key: 'z', operator: 'Exists' },
          { key: 'x', operator: 'In', values: ['def', 'abc'] },
          { key: 'y', operator: 'NotIn', values: ['jkl'] },
        ],
      },
      'x in (abc,def),y notin (jkl),z',
      'x in (abc,def),y notin (jkl),z',
    ],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'legacy', operator: 'DoesNotExist' }] }, 'app=web,!legacy', 'app=web,!legacy'],
  ];
  for (const [selector, text, formatted] of cases) {
    it(formatted, () => {
      expect(selectorString(selector)).to.equal(text);
      expect(formatLabelSelector(selector)).to.equal(formatted);
    });
  }
});
