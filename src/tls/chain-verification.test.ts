import { describe, it } from 'node:test';
import { expect } from 'chai';
import { VirtualClock } from '../clock/virtual-clock.ts';
import type { Certificate } from './certificate.ts';
import { verifyChain, verifyServerChain } from './chain-verification.ts';
import type { DistinguishedName } from './distinguished-name.ts';
import {
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  extendedKeyUsageExtension,
  EXTENDED_KEY_USAGES,
  keyUsageExtension,
  subjectKeyIdentifierExtension,
} from './extensions.ts';
import { issueCertificate } from './issue-certificate.ts';
import { generatePrivateKey } from './key-generation.ts';
import type { PrivateKey } from './private-key.ts';
import { keyIdentifier } from './public-key.ts';
import { VERIFY_ERRORS } from './verify-errors.ts';

const DAY = 86_400_000;
const cn = (value: string): DistinguishedName => [[{ oid: '2.5.4.3', value, stringType: 'utf8' }]];

interface Issued {
  cert: Certificate;
  key: PrivateKey;
}

async function ca(name: string, from: number, to: number): Promise<Issued> {
  const key = await generatePrivateKey({ name: 'ec', curve: 'P-256' });
  const extensions = [keyUsageExtension(['keyCertSign', 'cRLSign'], true), basicConstraintsExtension({ ca: true, critical: true }), subjectKeyIdentifierExtension(keyIdentifier(key.spki))];
  const cert = await issueCertificate({ version: 3, serialNumber: 1n, subject: cn(name), issuer: cn(name), notBefore: from, notAfter: to, spki: key.spki, extensions }, key, 'SHA-256');
  return { cert, key };
}

/** `openssl req -x509`'s certificate: v3_ca extensions, no key usage. */
async function selfSigned(name: string, from: number, to: number): Promise<Issued> {
  const key = await generatePrivateKey({ name: 'ec', curve: 'P-256' });
  const id = keyIdentifier(key.spki);
  const extensions = [subjectKeyIdentifierExtension(id), authorityKeyIdentifierExtension(id), basicConstraintsExtension({ ca: true, critical: true })];
  const cert = await issueCertificate({ version: 3, serialNumber: 3n, subject: cn(name), issuer: cn(name), notBefore: from, notAfter: to, spki: key.spki, extensions }, key, 'SHA-256');
  return { cert, key };
}

async function leaf(name: string, issuer: Issued, from: number, to: number, purposes: string[] = [EXTENDED_KEY_USAGES.serverAuth]): Promise<Certificate> {
  const key = await generatePrivateKey({ name: 'ec', curve: 'P-256' });
  const extensions = [
    keyUsageExtension(['digitalSignature', 'keyEncipherment'], true),
    extendedKeyUsageExtension(purposes),
    basicConstraintsExtension({ ca: false, critical: true }),
    authorityKeyIdentifierExtension(issuer.cert.subjectKeyIdentifier!),
  ];
  return issueCertificate({ version: 3, serialNumber: 2n, subject: cn(name), issuer: issuer.cert.subject, notBefore: from, notAfter: to, spki: key.spki, extensions }, issuer.key, 'SHA-256');
}

// The outcomes follow OpenSSL 3.0's X509_verify_cert (crypto/x509/x509_vfy.c) and were each seen
// with curl 7.88.1 in testdata/curl-7.88.1-goldens.json.
describe('verifyServerChain', () => {
  it('expiry and not-yet-valid on the injected virtual clock', async () => {
    const clock = new VirtualClock();
    const t0 = clock.now();
    const root = await ca('kubernetes', t0 - 5 * 60_000, t0 + 3650 * DAY);
    const server = await leaf('blog.ctnrs.com', root, t0 - 5 * 60_000, t0 + DAY);
    const later = await leaf('blog.ctnrs.com', root, t0 + DAY, t0 + 2 * DAY);
    expect((await verifyServerChain([server], [root.cert], clock.now())).ok).to.equal(true);
    expect(await verifyServerChain([later], [root.cert], clock.now())).to.include({ error: VERIFY_ERRORS.certNotYetValid, depth: 0 });
    clock.advance(DAY - 1000);
    expect((await verifyServerChain([server], [root.cert], clock.now())).ok).to.equal(true);
    clock.advance(1000);
    expect(await verifyServerChain([server], [root.cert], clock.now())).to.include({ error: VERIFY_ERRORS.certHasExpired, depth: 0 });
    expect((await verifyServerChain([later], [root.cert], clock.now())).ok).to.equal(true);
  });

  it('self-signed, trusted or not; the wrong CA; a chain ending in an untrusted root; a trusted leaf', async () => {
    const t = Date.UTC(2026, 0, 1);
    const self = await selfSigned('my-nginx', t, t + DAY);
    const root = await ca('kubernetes', t, t + DAY);
    const other = await ca('other', t, t + DAY);
    const server = await leaf('blog', root, t, t + DAY);
    expect(await verifyServerChain([self.cert], [], t)).to.include({ error: VERIFY_ERRORS.depthZeroSelfSignedCert, depth: 0 });
    expect((await verifyServerChain([self.cert], [self.cert], t)).ok).to.equal(true);
    expect(await verifyServerChain([server], [other.cert], t)).to.include({ error: VERIFY_ERRORS.unableToGetIssuerCertLocally, depth: 0 });
    expect(await verifyServerChain([server, root.cert], [], t)).to.include({ error: VERIFY_ERRORS.selfSignedCertInChain, depth: 1 });
    expect((await verifyServerChain([server, root.cert], [root.cert], t)).ok).to.equal(true);
    // curl sets X509_V_FLAG_PARTIAL_CHAIN: the leaf itself in --cacert is enough.
    expect((await verifyServerChain([server], [server], t)).ok).to.equal(true);
    const client = await leaf('blog', root, t, t + DAY, [EXTENDED_KEY_USAGES.clientAuth]);
    expect(await verifyServerChain([client], [root.cert], t)).to.include({ error: VERIFY_ERRORS.invalidPurpose, depth: 0 });
    // A CA certificate (cert sign and CRL sign only) is no TLS server certificate.
    expect(await verifyServerChain([root.cert], [root.cert], t)).to.include({ error: VERIFY_ERRORS.invalidPurpose, depth: 0 });
  });
});

describe('verifyChain as `openssl verify` runs it', () => {
  it('goes on after expiry, top certificate first, and needs a self-signed anchor without -partial_chain', async () => {
    const t = Date.UTC(2026, 0, 1);
    const root = await ca('kubernetes', t, t + DAY);
    const server = await leaf('blog', root, t, t + DAY);
    const goOn = { partialChain: false, continueAfter: () => true };
    const late = await verifyChain([server], [root.cert], t + 2 * DAY, goOn);
    // OpenSSL 3.0.19 `openssl verify -attime` printed error 10 at depth 1, then at depth 0.
    expect(late.errors).to.deep.equal([
      { error: VERIFY_ERRORS.certHasExpired, depth: 1 },
      { error: VERIFY_ERRORS.certHasExpired, depth: 0 },
    ]);
    // `openssl verify -CAfile leaf.pem leaf.pem` (OpenSSL 3.0.19): error 20 without -partial_chain, OK with it.
    expect((await verifyChain([server], [server], t, goOn)).errors[0]).to.deep.equal({ error: VERIFY_ERRORS.unableToGetIssuerCertLocally, depth: 0 });
    expect((await verifyChain([server], [server], t, { ...goOn, partialChain: true })).errors).to.deep.equal([]);
  });
});
