import { describe, it } from 'node:test';
import { expect } from 'chai';
import { addQuantities, formatQuantity, milliValue, parseQuantityExact, value } from './quantity.ts';

const canonical = (text: string): string => formatQuantity(parseQuantityExact(text)!);

describe('quantity canonical form', () => {
  // TestQuantityParseEmit and the String() table of
  // staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go, plus the forms `kubectl
  // describe node` prints for kind's capacity (describe.golden.test.ts).
  const cases: [string, string][] = [
    ['1Ki', '1Ki'], ['1Mi', '1Mi'], ['1Gi', '1Gi'], ['1024Mi', '1Gi'], ['1000M', '1G'],
    ['.001Ki', '1024m'], ['.000001Ki', '1024u'], ['.000000001Ki', '1024n'], ['.000000000001Ki', '2n'],
    ['1e9', '1e9'], ['1e-3', '1e-3'], ['80e-3', '80e-3'], ['300e6', '300e6'], ['3e3', '3e3'], ['3k', '3k'],
    ['1n', '1n'], ['80n', '80n'], ['1080n', '1080n'], ['1u', '1u'], ['1080u', '1080u'], ['0', '0'], ['0Mi', '0'],
    ['102625208Ki', '102625208Ki'], ['16318324Ki', '16318324Ki'], ['110', '110'], ['8', '8'],
    ['0.5', '500m'], ['1.5Gi', '1536Mi'], ['1500m', '1500m'], ['2000m', '2'], ['512', '512'], ['-1Ki', '-1Ki'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected}`, () => {
      expect(canonical(input)).to.equal(expected);
    });
  }

  it('rejects text that is not a quantity', () => {
    for (const text of ['', 'abc', '1.2.3', '1Kb', '--1']) expect(parseQuantityExact(text), text).to.equal(undefined);
  });
});

describe('quantity arithmetic', () => {
  it('adds in the format of the first operand', () => {
    expect(formatQuantity(addQuantities(parseQuantityExact('250m')!, parseQuantityExact('1')!))).to.equal('1250m');
    expect(formatQuantity(addQuantities(parseQuantityExact('64Mi')!, parseQuantityExact('64Mi')!))).to.equal('128Mi');
  });

  it('rounds Value and MilliValue up', () => {
    expect(value(parseQuantityExact('1500m')!)).to.equal(2n);
    expect(value(parseQuantityExact('1Ki')!)).to.equal(1024n);
    expect(milliValue(parseQuantityExact('1n')!)).to.equal(1n);
    expect(milliValue(parseQuantityExact('8')!)).to.equal(8000n);
  });
});
