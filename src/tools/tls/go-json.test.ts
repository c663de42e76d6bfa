import { describe, it } from 'node:test';
import { expect } from 'chai';
import { decodeGoJson, goJsonSyntaxError, goString, goInt } from './go-json.ts';
import { parseGoDuration } from './go-duration.ts';
import { parseGoFlags } from './go-flags.ts';

describe('goJsonSyntaxError', () => {
  // Each message is what cfssljson (Go 1.19, Debian golang-cfssl on this machine) printed after "Failed to parse input: ".
  const table: Array<[string, string | undefined]> = [
    ['{"CN":"x"}', undefined],
    [' [1, 2.5e3, -0, true, null, "a\\u00e9\\n"] ', undefined],
    ['{bad', "invalid character 'b' looking for beginning of object key string"],
    ['', 'unexpected end of JSON input'],
    ['   ', 'unexpected end of JSON input'],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['{"a":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"a":nul}', "invalid character '}' in literal null (expecting 'l')"],
    ['{"a":"x\\q"}', "invalid character 'q' in string escape code"],
    ['{"a":"\\u12G4"}', "invalid character 'G' in \\u hexadecimal character escape"],
    ['{"a":-}', "invalid character '}' in numeric literal"],
    ['{"a":1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"a":1e}', "invalid character '}' in exponent of numeric literal"],
    ['{"a":01}', "invalid character '1' after object key:value pair"],
    ['{} x', "invalid character 'x' after top-level value"],
    ['{"a":"b', 'unexpected end of JSON input'],
    ["{'a':1}", "invalid character '\\'' looking for beginning of object key string"],
    ['{"a":[}', "invalid character '}' looking for beginning of value"],
    ['{,}', "invalid character ',' looking for beginning of object key string"],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
  ];
  for (const [input, message] of table) it(JSON.stringify(input), () => {
    expect(goJsonSyntaxError(input)).to.equal(message);
  });
});

describe('decodeGoJson', () => {
  const type = {
    kind: 'struct' as const,
    name: 'csr.CertificateRequest',
    fields: { CN: goString, key: { kind: 'struct' as const, name: 'csr.BasicKeyRequest', fields: { algo: goString, size: goInt } } },
  };
  it('matches field names without regard to case and ignores unknown fields and nulls', () => {
    expect(decodeGoJson('{"cn":"x","KEY":{"Algo":"rsa","size":2048},"other":1,"CN2":null}', type)).to.deep.equal({ ok: true, value: { CN: 'x', key: { algo: 'rsa', size: 2048 } } });
  });
  // Texts printed by cfssl 1.2 (Go 1.19) for the same documents.
  it('reports the first type error with the struct and the json path', () => {
    expect(decodeGoJson('{"CN":5}', type)).to.deep.equal({ ok: false, error: 'json: cannot unmarshal number into Go struct field CertificateRequest.CN of type string' });
    expect(decodeGoJson('{"CN":"x","key":{"algo":"rsa","size":"2048"}}', type)).to.deep.equal({
      ok: false,
      error: 'json: cannot unmarshal string into Go struct field BasicKeyRequest.key.size of type int',
    });
    expect(decodeGoJson('[1]', type)).to.deep.equal({ ok: false, error: 'json: cannot unmarshal array into Go value of type csr.CertificateRequest' });
  });
});

describe('parseGoDuration', () => {
  // Values and errors as cfssl 1.2 (Go 1.19 time.ParseDuration) reported them for a profile's "expiry".
  const table: Array<[string, ReturnType<typeof parseGoDuration>]> = [
    ['87600h', { ok: true, ms: 87600 * 3_600_000 }],
    ['1h30m', { ok: true, ms: 5_400_000 }],
    ['1.5h', { ok: true, ms: 5_400_000 }],
    ['-1h', { ok: true, ms: -3_600_000 }],
    ['0', { ok: true, ms: 0 }],
    ['xyz', { ok: false, error: 'time: invalid duration "xyz"' }],
    ['h', { ok: false, error: 'time: invalid duration "h"' }],
    ['10d', { ok: false, error: 'time: unknown unit "d" in duration "10d"' }],
    ['10', { ok: false, error: 'time: missing unit in duration "10"' }],
    ['1h5', { ok: false, error: 'time: missing unit in duration "1h5"' }],
  ];
  for (const [input, expected] of table) {
    it(input, () => {
      expect(parseGoDuration(input)).to.deep.equal(expected);
    });
  }
});

describe('parseGoFlags', () => {
  const spec = { initca: 'bool', ca: 'string', bare: 'bool' } as const;
  it('takes -f, --f, -f=v, -f v and stops at the first argument that is no flag', () => {
    const r = parseGoFlags(['-initca', '--ca', 'c.pem', '-bare=false', 'ca', '-', '-ca=x'], spec);
    expect(r).to.deep.equal({ ok: true, values: new Map([['initca', 'true'], ['ca', 'c.pem'], ['bare', 'false']]), rest: ['ca', '-', '-ca=x'] });
  });
  it("reports Go's errors", () => {
    expect(parseGoFlags(['-x'], spec)).to.deep.equal({ ok: false, error: 'flag provided but not defined: -x' });
    expect(parseGoFlags(['-ca'], spec)).to.deep.equal({ ok: false, error: 'flag needs an argument: -ca' });
  });
});
