import { describe, it } from 'node:test';
import { expect } from 'chai';
import { formatGoDuration, goQuote, parseGoDuration, parseGoInt } from './go-values.ts';

describe('Go value conversions (strconv, time)', () => {
  it('parses durations as time.ParseDuration', () => {
    expect(parseGoDuration('1m0s')).to.equal(60_000);
    expect(parseGoDuration('1.5h')).to.equal(5_400_000);
    expect(parseGoDuration('300ms')).to.equal(300);
    expect(parseGoDuration('0')).to.equal(0);
    expect(() => parseGoDuration('10')).to.throw('time: missing unit in duration "10"');
    expect(() => parseGoDuration('10x')).to.throw('time: unknown unit "x" in duration "10x"');
  });
  it('formats durations as Duration.String', () => {
    expect([0, 500, 30_000, 60_000, 3_600_000, 5_400_000].map(formatGoDuration)).to.deep.equal(['0s', '500ms', '30s', '1m0s', '1h0m0s', '1h30m0s']);
  });
  it('parses integers with base prefixes and bounds', () => {
    expect([parseGoInt('010', 64), parseGoInt('0x1F', 64), parseGoInt('-3', 32), parseGoInt('0b11', 64)]).to.deep.equal([8, 31, -3, 3]);
    expect(() => parseGoInt('2147483648', 32)).to.throw('strconv.ParseInt: parsing "2147483648": value out of range');
  });
  it('quotes as strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\x01')).to.equal('"a\\"b\\\\c\\n\\x01"');
  });
});
