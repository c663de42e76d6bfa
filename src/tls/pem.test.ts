import { describe, it } from 'node:test';
import { expect } from 'chai';
import { decodePem, encodePem } from './pem.ts';

describe('PEM', () => {
  it('writes 64 base64 characters a line, as PEM_write_bio', () => {
    const pem = encodePem('CERTIFICATE', new Uint8Array(100).fill(0xab));
    const lines = pem.split('\n');
    expect(lines[0]).to.equal('-----BEGIN CERTIFICATE-----');
    // 100 bytes are 136 base64 characters: 64, 64 and 8.
    expect(lines.slice(1, 4).map((l) => l.length)).to.deep.equal([64, 64, 8]);
    expect(lines[4]).to.equal('-----END CERTIFICATE-----');
    expect(pem.endsWith('-----END CERTIFICATE-----\n')).to.equal(true);
  });
  it('reads every block, skipping text around them and mismatched armour', () => {
    const a = encodePem('CERTIFICATE', new Uint8Array([1, 2, 3]));
    const b = encodePem('RSA PRIVATE KEY', new Uint8Array([4, 5]));
    const blocks = decodePem(`Bag Attributes\n${a}junk\n-----BEGIN X-----\nAAAA\n-----END Y-----\n${b}`);
    expect(blocks.map((x) => [x.label, [...x.der]])).to.deep.equal([
      ['CERTIFICATE', [1, 2, 3]],
      ['RSA PRIVATE KEY', [4, 5]],
    ]);
  });
});
