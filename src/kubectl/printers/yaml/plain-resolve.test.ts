import { describe, it } from 'node:test';
import { expect } from 'chai';
import { canUsePlain } from './plain-resolve.ts';

describe('canUsePlain', () => {
  // Expected styles from kubectl v1.32.4's YAML output of testdata/cm.input.json (quoted = false).
  const table: [string, boolean][] = [
    ['yes', false], ['on', false], ['~', false], ['null', false], ['1:20', false], ['0x1F', false], ['1_000', false],
    ['2026-01-01', false], ['2026-01-01T00:00:00Z', false], ['2026-13-01', true], ['2026-02-30', true], ['True', false],
    ['Y', false], ['nO', true], ['08', false], ['1e3', false], ['.5', false], ['+1', false], ['0b101', false],
    ['-0b101', false], ['0o17', false], ['1.', false], ['-.inf', false], ['.NaN', false], ['<<', true], ['3.14', false],
    ['12345678901234567890', false], ['1:2:3', false], ['', false], ['my-nginx', true], ['10.244.1.5', true], ['80', false],
  ];
  for (const [text, plain] of table) {
    it(`${JSON.stringify(text)} → ${plain ? 'plain' : 'quoted'}`, () => {
      expect(canUsePlain(text)).to.equal(plain);
    });
  }
});
