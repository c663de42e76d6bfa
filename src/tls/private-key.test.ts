import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createPublicKey } from 'node:crypto';
import { generatePrivateKey } from './key-generation.ts';
import { parsePrivateKeyPem } from './private-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'tls-keys-'));
const openssl = (...args: string[]) => {
  const r = spawnSync('/usr/bin/openssl', args, { cwd: dir, encoding: 'utf8' });
  return r.stdout + r.stderr;
};
const spkiPem = (der: Uint8Array) => String(createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }));

describe('parsePrivateKeyPem reads what the real tools write', () => {
  // Keys made here by /usr/bin/openssl (3.0.19): PKCS#8 as genrsa writes, PKCS#1 as cfssl and genrsa -traditional write, SEC1 as cfssl writes EC keys.
  const table: Array<[string, string[], string]> = [
    ['PKCS#8 RSA (genrsa)', ['genrsa', '-out', 'p8.key', '2048'], 'p8.key'],
    ['PKCS#1 RSA (genrsa -traditional)', ['genrsa', '-traditional', '-out', 'p1.key', '2048'], 'p1.key'],
    ['SEC1 EC (ecparam -genkey)', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec.key'], 'ec.key'],
  ];
  for (const [name, args, file] of table) {
    it(name, () => {
      openssl(...args);
      const key = parsePrivateKeyPem(`some text before\n${readFileSync(join(dir, file), 'utf8')}`);
      expect(key).to.not.equal(undefined);
      expect(spkiPem(key!.spki)).to.equal(openssl('pkey', '-in', file, '-pubout'));
    });
  }
  it('gives undefined for what is no key', () => {
    expect(parsePrivateKeyPem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).to.equal(undefined);
    expect(parsePrivateKeyPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')).to.equal(undefined);
    expect(parsePrivateKeyPem('')).to.equal(undefined);
  });
});

describe('generated keys, as the real openssl sees them', () => {
  it('RSA 2048 in PKCS#8 and PKCS#1, EC P-384 in SEC1', async () => {
    const rsa = await generatePrivateKey({ name: 'rsa', bits: 2048 });
    writeFileSync(join(dir, 'g8.key'), rsa.toPkcs8Pem());
    writeFileSync(join(dir, 'g1.key'), rsa.toTraditionalPem());
    expect(rsa.toPkcs8Pem()).to.match(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(rsa.toTraditionalPem()).to.match(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    // `openssl rsa -check` output of OpenSSL 3.0.19 for a sound key.
    expect(openssl('rsa', '-in', 'g8.key', '-noout', '-check')).to.equal('RSA key ok\n');
    expect(openssl('rsa', '-in', 'g1.key', '-noout', '-text').split('\n')[0]).to.equal('Private-Key: (2048 bit, 2 primes)');
    const ec = await generatePrivateKey({ name: 'ec', curve: 'P-384' });
    writeFileSync(join(dir, 'ge.key'), ec.toTraditionalPem());
    expect(ec.toTraditionalPem()).to.match(/^-----BEGIN EC PRIVATE KEY-----\n/);
    expect(openssl('ec', '-in', 'ge.key', '-noout', '-check')).to.equal('read EC key\nEC Key valid.\n');
  });
});
