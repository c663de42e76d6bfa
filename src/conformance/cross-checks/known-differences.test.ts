import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { KNOWN_DIFFERENCES_FILE, explainRow, loadKnownDifferences } from './known-differences.ts';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'known-')), 'known.yaml');
  writeFileSync(path, text);
  return path;
}

describe('known differences', () => {
  it('the project file loads, every entry with its reason', () => {
    expect(loadKnownDifferences(KNOWN_DIFFERENCES_FILE).every((k) => k.reason.length > 20)).to.equal(true);
  });

  it('explains a row by check, subject and each side\'s line; a missing line is ""', () => {
    const known = loadKnownDifferences(file('- check: iptables\n  reference: ^$\n  memory: KIND-MASQ-AGENT\n  reason: kind\'s own rules\n'));
    expect(explainRow(known, 'iptables', 'POSTROUTING', { memory: '-A POSTROUTING -j KIND-MASQ-AGENT' })).to.equal("kind's own rules");
    expect(explainRow(known, 'iptables', 'POSTROUTING', { reference: '-A X', memory: '-A POSTROUTING -j KIND-MASQ-AGENT' })).to.equal(undefined);
    expect(explainRow(known, 'dns', 'POSTROUTING', { memory: 'KIND-MASQ-AGENT' })).to.equal(undefined);
  });

  it('refuses an entry without a reason or with an unknown check', () => {
    expect(() => loadKnownDifferences(file('- check: iptables\n'))).to.throw('a reason is required');
    expect(() => loadKnownDifferences(file('- check: ipvs\n  reason: x\n'))).to.throw('check must be one of');
  });
});
