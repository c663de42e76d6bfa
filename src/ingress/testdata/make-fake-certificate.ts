/**
 * Made the constant in ../fake-certificate.ts once, by hand:
 *   node --import tsx src/ingress/testdata/make-fake-certificate.ts
 * The certificate is the one ingress-nginx's GetFakeSSLCert builds
 * (internal/net/ssl/ssl.go getFakeHostSSLCert: RSA 2048, O=Acme Co,
 * CN=Kubernetes Ingress Controller Fake Certificate, DNS ingress.local,
 * key usage keyEncipherment+digitalSignature, serverAuth, CA:FALSE, valid
 * 365 days from the controller's start), dated from the memory cluster's
 * epoch (2026-01-01T00:00:00Z) because the controller starts with the cluster.
 * Keys from WebCrypto are random, so the output is kept, not regenerated.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_EPOCH_MS } from '../../clock/virtual-clock.ts';
import { basicConstraintsExtension, extendedKeyUsageExtension, EXTENDED_KEY_USAGES, keyUsageExtension, subjectAltNameExtension } from '../../tls/extensions.ts';
import { issueCertificate } from '../../tls/issue-certificate.ts';
import { generatePrivateKey } from '../../tls/key-generation.ts';

const key = await generatePrivateKey({ name: 'rsa', bits: 2048 });
const subject = [
  [{ oid: '2.5.4.10', value: 'Acme Co', stringType: 'printable' as const }],
  [{ oid: '2.5.4.3', value: 'Kubernetes Ingress Controller Fake Certificate', stringType: 'printable' as const }],
];
const cert = await issueCertificate(
  {
    version: 3,
    serialNumber: BigInt('0x' + randomBytes(16).toString('hex')),
    subject,
    issuer: subject,
    notBefore: DEFAULT_EPOCH_MS,
    notAfter: DEFAULT_EPOCH_MS + 365 * 86_400_000,
    spki: key.spki,
    extensions: [
      keyUsageExtension(['digitalSignature', 'keyEncipherment'], true),
      extendedKeyUsageExtension([EXTENDED_KEY_USAGES.serverAuth]),
      basicConstraintsExtension({ ca: false, critical: true }),
      subjectAltNameExtension([{ type: 'dns', value: 'ingress.local' }]),
    ],
  },
  key,
  'SHA-256',
);
console.log(cert.pem);
console.log(key.toTraditionalPem());
process.exit(0);
