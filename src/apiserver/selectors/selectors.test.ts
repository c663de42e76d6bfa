/**
 * Label and field selectors. Expected strings follow
 * k8s.io/apimachinery/pkg/labels/selector.go (Parse, String, error texts; its
 * selector_test.go tables) and pkg/fields/selector.go; metav1 helpers.go for
 * FormatLabelSelector.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseLabelSelector, LabelSelectorParseError, selectorFromSet } from './label-selector.ts';
import { formatLabelSelector, labelSelectorMatches } from './label-selector-object.ts';
import { compileFieldSelector, FieldSelectorError, parseFieldSelector } from './field-selector.ts';

describe('labels.Parse: String() of parsed selectors', () => {
  const table: [string, string][] = [
    ['app=x', 'app=x'],
    ['app==x', 'app==x'],
    ['app!=x', 'app!=x'],
    ['tier in (b,a),app', 'app,tier in (a,b)'],
    ['x notin (c)', 'x notin (c)'],
    ['!legacy', '!legacy'],
    ['  app = x ,  env  ', 'app=x,env'],
    ['x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
    ['a=', 'a='],
    ['kubernetes.io/service-name=my-nginx', 'kubernetes.io/service-name=my-nginx'],
    ['x>1', 'x>1'],
    ['', ''],
  ];
  for (const [input, out] of table) it(JSON.stringify(input), () => void expect(parseLabelSelector(input).toString()).to.equal(out));
});

describe('labels.Parse: errors', () => {
  const table: [string, string][] = [
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['x=a,', "found '', expected: identifier after ','"],
    [',x', "found ',', expected: !, identifier, or 'end of string'"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x=a b', "found 'b', expected: ',' or 'end of string'"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    [
      'app=a b c',
      "found 'b', expected: ',' or 'end of string'",
    ],
    [
      'x=a@b',
      `unable to parse requirement: values[0][x]: Invalid value: "a@b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      '-x=a',
      `unable to parse requirement: <nil>: Invalid value: "-x": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
  ];
  for (const [input, message] of table) {
    it(JSON.stringify(input), () => {
      expect(() => parseLabelSelector(input)).to.throw(LabelSelectorParseError, message);
      try {
        parseLabelSelector(input);
      } catch (e) {
        expect((e as Error).message).to.equal(message);
      }
    });
  }
});

describe('label selector matching', () => {
  const labels = { app: 'web', tier: 'front' };
  const table: [string, boolean][] = [
    ['app=web', true],
    ['app=api', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['tier in (front,back)', true],
    ['tier notin (front)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['app=web,tier=back', false],
    ['', true],
  ];
  for (const [selector, expected] of table) it(`${selector} → ${expected}`, () => void expect(parseLabelSelector(selector).matches(labels)).to.equal(expected));

  it('SelectorFromSet sorts by key', () => void expect(selectorFromSet({ run: 'x', app: 'y' }).toString()).to.equal('app=y,run=x'));
});

describe('metav1.LabelSelector', () => {
  const table: [object | undefined, string][] = [
    [{ matchLabels: { run: 'my-nginx' } }, 'run=my-nginx'],
    [{ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] }, 'a=1,b=2,env in (dev,prod)'],
    [{ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] }, '!x'],
    [{}, '<none>'],
    [undefined, '<none>'],
    [{ matchExpressions: [{ key: 'x', operator: 'Bogus' }] }, '<error>'],
  ];
  for (const [selector, out] of table) it(`FormatLabelSelector ${JSON.stringify(selector)}`, () => void expect(formatLabelSelector(selector as never)).to.equal(out));

  it('a nil selector matches nothing, an empty one everything', () => {
    expect(labelSelectorMatches(undefined, { a: 'b' })).to.equal(false);
    expect(labelSelectorMatches({}, { a: 'b' })).to.equal(true);
  });
});

describe('field selectors', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { nodeName: 'kind-worker' }, status: { phase: 'Running' } };
  const table: [string, boolean][] = [
    ['metadata.name=p', true],
    ['metadata.name==q', false],
    ['spec.nodeName=kind-worker,status.phase=Running', true],
    ['status.phase!=Running', false],
    ['metadata.namespace=default', true],
  ];
  for (const [selector, expected] of table) it(`${selector} → ${expected}`, () => void expect(compileFieldSelector('Pod', selector)(pod)).to.equal(expected));

  it('rejects unsupported fields with the conversion text', () => {
    expect(() => compileFieldSelector('Service', 'spec.ports=80')).to.throw(FieldSelectorError, 'field label not supported: spec.ports');
  });

  it('rejects a term without operator (fields.ParseSelector)', () => {
    expect(() => parseFieldSelector('metadata.name')).to.throw(FieldSelectorError, "invalid selector: 'metadata.name'; can't understand 'metadata.name'");
  });

  it('selects events by involvedObject', () => {
    const ev = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' }, type: 'Normal' };
    expect(compileFieldSelector('Event', 'involvedObject.kind=Pod,involvedObject.name=p,type=Normal')(ev)).to.equal(true);
  });
});
