import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { basicConstraintsExtension, subjectKeyIdentifierExtension } from './extensions.ts';
import { issueCertificate, serialNumberBytes } from './issue-certificate.ts';
import { generatePrivateKey } from './key-generation.ts';
import { parseOpensslSubject } from './openssl-subject.ts';
import { keyIdentifier } from './public-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'tls-issue-'));
const openssl = (...args: string[]) => {
  const r = spawnSync('/usr/bin/openssl', args, { cwd: dir, encoding: 'utf8' });
  return r.stdout + r.stderr;
};

describe('serialNumberBytes', () => {
  it('is the DER INTEGER content: big-endian, a zero ahead of a set high bit', () => {
    expect([...serialNumberBytes(5n)]).to.deep.equal([5]);
    expect([...serialNumberBytes(0x80n)]).to.deep.equal([0, 0x80]);
    expect([...serialNumberBytes(0x1234n)]).to.deep.equal([0x12, 0x34]);
  });
});

describe('issueCertificate, read back by OpenSSL 3.0.19', () => {
  it('a version 1 certificate signed by an EC key, a high-bit serial, a notAfter past 2049', async () => {
    const ca = await generatePrivateKey({ name: 'ec', curve: 'P-256' });
    const subject = parseOpensslSubject('/CN=v1/O=test').name!;
    const cert = await issueCertificate(
      { version: 1, serialNumber: 0x80n, subject, issuer: subject, notBefore: Date.UTC(2026, 0, 1), notAfter: Date.UTC(2050, 0, 1), spki: ca.spki },
      ca,
      'SHA-256',
    );
    writeFileSync(join(dir, 'v1.crt'), cert.pem);
    const text = openssl('x509', '-in', 'v1.crt', '-noout', '-text');
    // Lines as OpenSSL prints them: short serials in decimal and hex, GeneralizedTime for 2050.
    expect(text).to.contain('Version: 1 (0x0)\n        Serial Number: 128 (0x80)\n        Signature Algorithm: ecdsa-with-SHA256\n');
    expect(text).to.contain('Not After : Jan  1 00:00:00 2050 GMT');
    expect(cert.version).to.equal(1);
    expect(cert.serialHex).to.equal('80');
    expect(await cert.isSignedBy(ca.spki)).to.equal(true);
  });

  it('SHA-384 with an RSA key, and extensions in the order given', async () => {
    const key = await generatePrivateKey({ name: 'rsa', bits: 2048 });
    const subject = parseOpensslSubject('/CN=v3').name!;
    const cert = await issueCertificate(
      {
        version: 3,
        serialNumber: 7n,
        subject,
        issuer: subject,
        notBefore: Date.UTC(2026, 0, 1),
        notAfter: Date.UTC(2027, 0, 1),
        spki: key.spki,
        extensions: [basicConstraintsExtension({ ca: true, pathLength: 0, critical: true }), subjectKeyIdentifierExtension(keyIdentifier(key.spki))],
      },
      key,
      'SHA-384',
    );
    writeFileSync(join(dir, 'v3.crt'), cert.pem);
    expect(openssl('x509', '-in', 'v3.crt', '-noout', '-ext', 'basicConstraints')).to.equal('X509v3 Basic Constraints: critical\n    CA:TRUE, pathlen:0\n');
    expect(openssl('x509', '-in', 'v3.crt', '-noout', '-text')).to.contain('Signature Algorithm: sha384WithRSAEncryption');
    expect(openssl('verify', '-attime', String(Date.UTC(2026, 5, 1) / 1000), '-CAfile', 'v3.crt', 'v3.crt')).to.equal('v3.crt: OK\n');
  });
});
