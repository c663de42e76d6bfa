/**
 * Records how the real curl (7.88.1 with OpenSSL 3.0 on Debian 12) treats
 * certificates made by this library: each case is served by a node:https
 * server on 127.0.0.1 and fetched with `curl -v --resolve`. The certificates,
 * the time and curl's lines go to curl-7.88.1-goldens.json, which
 * curl-server-certificate.test.ts replays. Run by hand:
 *   node --import tsx src/tls/testdata/record-curl-goldens.ts
 * (Uses the wall clock on purpose: curl checks validity against it.)
 */
import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Certificate } from '../certificate.ts';
import type { DistinguishedName } from '../distinguished-name.ts';
import {
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  extendedKeyUsageExtension,
  EXTENDED_KEY_USAGES,
  keyUsageExtension,
  subjectAltNameExtension,
  subjectKeyIdentifierExtension,
  type AlternativeName,
  type CertificateExtension,
} from '../extensions.ts';
import { ipAddressBytes } from '../ip-address.ts';
import { issueCertificate } from '../issue-certificate.ts';
import { generatePrivateKey } from '../key-generation.ts';
import type { PrivateKey } from '../private-key.ts';
import { keyIdentifier } from '../public-key.ts';

const run = promisify(execFile);
const DAY = 86_400_000;
const now = Math.floor(Date.now() / 1000) * 1000;
const cn = (value: string, o?: string): DistinguishedName => [
  [{ oid: '2.5.4.3', value, stringType: 'utf8' }],
  ...(o ? [[{ oid: '2.5.4.10', value: o, stringType: 'utf8' as const }]] : []),
];

interface Issued {
  cert: Certificate;
  key: PrivateKey;
}

let serial = 1000n;
async function make(
  subject: DistinguishedName,
  options: { issuer?: Issued; from?: number; to?: number; extensions?: (spki: Uint8Array, issuer?: Issued) => CertificateExtension[]; version?: 1 | 3; ec?: boolean } = {},
): Promise<Issued> {
  const key = await generatePrivateKey(options.ec ? { name: 'ec', curve: 'P-256' } : { name: 'rsa', bits: 2048 });
  const extensions = options.extensions ? options.extensions(key.spki, options.issuer) : [];
  const cert = await issueCertificate(
    {
      version: options.version ?? 3,
      serialNumber: serial++,
      subject,
      issuer: options.issuer ? options.issuer.cert.subject : subject,
      notBefore: options.from ?? now - DAY,
      notAfter: options.to ?? now + 365 * DAY,
      spki: key.spki,
      extensions,
    },
    options.issuer?.key ?? key,
    'SHA-256',
  );
  return { cert, key };
}

/** openssl req -x509's v3_ca extensions. */
const v3ca = (spki: Uint8Array) => [
  subjectKeyIdentifierExtension(keyIdentifier(spki)),
  authorityKeyIdentifierExtension(keyIdentifier(spki)),
  basicConstraintsExtension({ ca: true, critical: true }),
];
/** cfssl's CA and leaf (profile kubernetes) extensions. */
const cfsslCa = (spki: Uint8Array) => [
  keyUsageExtension(['keyCertSign', 'cRLSign'], true),
  basicConstraintsExtension({ ca: true, critical: true }),
  subjectKeyIdentifierExtension(keyIdentifier(spki)),
];
const leaf =
  (names: AlternativeName[] = [], purposes: string[] = [EXTENDED_KEY_USAGES.serverAuth, EXTENDED_KEY_USAGES.clientAuth], keyIds = true) =>
  (spki: Uint8Array, issuer?: Issued) => [
    keyUsageExtension(['digitalSignature', 'keyEncipherment'], true),
    extendedKeyUsageExtension(purposes),
    basicConstraintsExtension({ ca: false, critical: true }),
    ...(keyIds ? [subjectKeyIdentifierExtension(keyIdentifier(spki)), authorityKeyIdentifierExtension(issuer!.cert.subjectKeyIdentifier!)] : []),
    ...(names.length ? [subjectAltNameExtension(names)] : []),
  ];

interface Case {
  name: string;
  chain: Certificate[];
  key: PrivateKey;
  ca?: Certificate[];
  host: string;
  insecure?: boolean;
}

async function cases(): Promise<Case[]> {
  const self = await make(cn('my-nginx', 'my-nginx'), { extensions: v3ca });
  const selfTwin = await make(cn('my-nginx', 'my-nginx'), { extensions: v3ca });
  const ca = await make(cn('kubernetes'), { extensions: cfsslCa, to: now + 5 * 365 * DAY });
  const otherCa = await make(cn('kubernetes'), { extensions: cfsslCa });
  const blog = await make(cn('blog.ctnrs.com'), { issuer: ca, extensions: leaf() });
  const sans = await make(cn('web'), {
    issuer: ca,
    extensions: leaf([
      { type: 'dns', value: 'blog.ctnrs.com' },
      { type: 'dns', value: '*.example.com' },
      { type: 'ip', bytes: ipAddressBytes('127.0.0.1')! },
    ]),
  });
  const expired = await make(cn('blog.ctnrs.com'), { issuer: ca, extensions: leaf(), from: now - 30 * DAY, to: now - DAY });
  const future = await make(cn('blog.ctnrs.com'), { issuer: ca, extensions: leaf(), from: now + DAY, to: now + 30 * DAY });
  const expiredCa = await make(cn('old-ca'), { extensions: cfsslCa, from: now - 30 * DAY, to: now - DAY });
  const underExpiredCa = await make(cn('blog.ctnrs.com'), { issuer: expiredCa, extensions: leaf(), from: now - 2 * DAY });
  const clientOnly = await make(cn('blog.ctnrs.com'), { issuer: ca, extensions: leaf([], [EXTENDED_KEY_USAGES.clientAuth]) });
  const byOtherCa = await make(cn('blog.ctnrs.com'), { issuer: otherCa, extensions: leaf() });
  const byOtherCaNoIds = await make(cn('blog.ctnrs.com'), { issuer: otherCa, extensions: leaf([], undefined, false) });
  const notCa = await make(cn('not-a-ca'), { issuer: ca, extensions: leaf() });
  const underNotCa = await make(cn('blog.ctnrs.com'), { issuer: notCa, extensions: leaf() });
  const v1Ca = await make(cn('v1-ca'), { version: 1 });
  const v1Leaf = await make(cn('srv.example.com'), { issuer: v1Ca, version: 1 });
  const ecCa = await make(cn('ec-ca'), { extensions: cfsslCa, ec: true });
  const ecOtherCa = await make(cn('ec-ca'), { extensions: cfsslCa, ec: true });
  const byEcOtherCaNoIds = await make(cn('blog.ctnrs.com'), { issuer: ecOtherCa, extensions: leaf([], undefined, false), ec: true });
  return [
    { name: 'self-signed, default store', chain: [self.cert], key: self.key, host: 'my-nginx' },
    { name: 'self-signed, -k', chain: [self.cert], key: self.key, host: 'my-nginx', insecure: true },
    { name: 'self-signed, --cacert itself', chain: [self.cert], key: self.key, ca: [self.cert], host: 'my-nginx' },
    { name: 'self-signed, --cacert itself, other host', chain: [self.cert], key: self.key, ca: [self.cert], host: 'other' },
    { name: 'self-signed, --cacert itself, IP host', chain: [self.cert], key: self.key, ca: [self.cert], host: '127.0.0.1' },
    { name: 'self-signed, --cacert of a twin with the same name', chain: [self.cert], key: self.key, ca: [selfTwin.cert], host: 'my-nginx' },
    { name: 'CA-signed, default store', chain: [blog.cert], key: blog.key, host: 'blog.ctnrs.com' },
    { name: 'CA-signed, -k', chain: [blog.cert], key: blog.key, host: 'blog.ctnrs.com', insecure: true },
    { name: 'CA-signed, --cacert CA', chain: [blog.cert], key: blog.key, ca: [ca.cert], host: 'blog.ctnrs.com' },
    { name: 'CA-signed, --cacert of another CA', chain: [blog.cert], key: blog.key, ca: [self.cert], host: 'blog.ctnrs.com' },
    { name: 'leaf and CA presented, default store', chain: [blog.cert, ca.cert], key: blog.key, host: 'blog.ctnrs.com' },
    { name: 'leaf and CA presented, --cacert CA', chain: [blog.cert, ca.cert], key: blog.key, ca: [ca.cert], host: 'blog.ctnrs.com' },
    { name: 'CA-signed, --cacert the leaf itself', chain: [blog.cert], key: blog.key, ca: [blog.cert], host: 'blog.ctnrs.com' },
    { name: 'SAN DNS match', chain: [sans.cert], key: sans.key, ca: [ca.cert], host: 'blog.ctnrs.com' },
    { name: 'SAN wildcard match', chain: [sans.cert], key: sans.key, ca: [ca.cert], host: 'a.example.com' },
    { name: 'SAN wildcard, two labels', chain: [sans.cert], key: sans.key, ca: [ca.cert], host: 'a.b.example.com' },
    { name: 'SAN wildcard, bare domain', chain: [sans.cert], key: sans.key, ca: [ca.cert], host: 'example.com' },
    { name: 'SAN present, CN ignored', chain: [sans.cert], key: sans.key, ca: [ca.cert], host: 'web' },
    { name: 'SAN IP match', chain: [sans.cert], key: sans.key, ca: [ca.cert], host: '127.0.0.1' },
    { name: 'SAN, -k, mismatch', chain: [sans.cert], key: sans.key, host: 'web', insecure: true },
    { name: 'expired leaf', chain: [expired.cert], key: expired.key, ca: [ca.cert], host: 'blog.ctnrs.com' },
    { name: 'expired leaf, -k', chain: [expired.cert], key: expired.key, ca: [ca.cert], host: 'blog.ctnrs.com', insecure: true },
    { name: 'leaf not yet valid', chain: [future.cert], key: future.key, ca: [ca.cert], host: 'blog.ctnrs.com' },
    { name: 'expired CA', chain: [underExpiredCa.cert], key: underExpiredCa.key, ca: [expiredCa.cert], host: 'blog.ctnrs.com' },
    { name: 'client-auth-only leaf', chain: [clientOnly.cert], key: clientOnly.key, ca: [ca.cert], host: 'blog.ctnrs.com' },
    { name: 'signed by another CA of the same name', chain: [byOtherCa.cert], key: byOtherCa.key, ca: [ca.cert], host: 'blog.ctnrs.com' },
    { name: 'signed by another CA of the same name, no key ids', chain: [byOtherCaNoIds.cert], key: byOtherCaNoIds.key, ca: [ca.cert], host: 'blog.ctnrs.com' },
    { name: 'issuer is not a CA', chain: [underNotCa.cert, notCa.cert], key: underNotCa.key, ca: [ca.cert], host: 'blog.ctnrs.com' },
    { name: 'v1 CA and v1 leaf', chain: [v1Leaf.cert], key: v1Leaf.key, ca: [v1Ca.cert], host: 'srv.example.com' },
    { name: 'signed by another EC CA of the same name, no key ids', chain: [byEcOtherCaNoIds.cert], key: byEcOtherCaNoIds.key, ca: [ecCa.cert], host: 'blog.ctnrs.com' },
    { name: 'CA-signed, -k, --cacert CA', chain: [blog.cert], key: blog.key, ca: [ca.cert], host: 'other', insecure: true },
  ];
}

/** The lines of curl -v that belong to the server certificate, and curl's error line. */
function relevant(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => /^\* (Server certificate:|SSL certificate problem|SSL: |OpenSSL)|^\*  (subject|start date|expire date|subjectAltName|common name|issuer|SSL certificate verify)|TLS alert|^curl: \(/.test(l));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'curl-goldens-'));
  const out = [];
  let port = 18443;
  for (const c of await cases()) {
    port++;
    const server = createServer({ cert: c.chain.map((x) => x.pem).join(''), key: c.key.toPkcs8Pem() }, (_req, res) => res.end('ok\n'));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const args = ['-sS', '-v', '--resolve', `${c.host}:${port}:127.0.0.1`];
    if (c.insecure) args.push('-k');
    let caPem: string | undefined;
    if (c.ca) {
      caPem = c.ca.map((x) => x.pem).join('');
      const file = join(dir, `ca-${port}.pem`);
      writeFileSync(file, caPem);
      args.push('--cacert', file);
    }
    const host = c.host.includes(':') ? `[${c.host}]` : c.host;
    args.push(`https://${host}:${port}/`);
    const when = Math.floor(Date.now() / 1000) * 1000;
    const result = await run('curl', args).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    server.close();
    out.push({
      name: c.name,
      host: c.host,
      insecure: c.insecure === true,
      now: when,
      serverChainPem: c.chain.map((x) => x.pem).join(''),
      caBundlePem: caPem,
      exitCode: result.code,
      lines: relevant(result.stderr),
    });
    console.log(c.name, result.code, relevant(result.stderr));
  }
  writeFileSync(new URL('./curl-7.88.1-goldens.json', import.meta.url), `${JSON.stringify({ source: 'curl 7.88.1 (OpenSSL 3.0.19, Debian 12) on the development machine', cases: out }, null, 1)}\n`);
}

await main();
