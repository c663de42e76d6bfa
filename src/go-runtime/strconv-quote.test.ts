import { describe, it } from 'node:test';
import { expect } from 'chai';
import { goQuote } from './strconv-quote.ts';

// Expected values from Go's strconv.Quote documentation and quote_test.go.
describe('goQuote', () => {
  const cases: [string, string][] = [
    ['a', '"a"'],
    ['"\\', '"\\"\\\\"'],
    ['\x07\b\f\n\r\t\v', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['\x01\x7f', '"\\x01\\x7f"'],
    ['日本語', '"日本語"'],
    ['\u00a0', '"\\u00a0"'],
  ];
  for (const [input, expected] of cases) {
    it(`quotes ${JSON.stringify(input)}`, () => {
      expect(goQuote(input)).to.equal(expected);
    });
  }
});
