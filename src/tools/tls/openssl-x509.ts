/**
 * `openssl x509` (apps/x509.c, OpenSSL 3.0.19): prints what a certificate
 * holds (`-subject -issuer -serial -dates -startdate -enddate -fingerprint
 * -text -ext -pubkey -modulus -checkend`, in the order given), and with `-req`
 * signs a request: by a CA (`-CA -CAkey [-CAcreateserial|-CAserial] [-set_serial]`)
 * or by a key (`-signkey`). OpenSSL 3.0 writes such certificates as version 1
 * unless `-extfile` gives extensions. The serial file (`ca.srl` beside `ca.crt`)
 * is read and incremented when it exists, created with -CAcreateserial, and
 * left alone otherwise (the serial is then random), as 3.0.19 does.
 */
import { createHash, createPublicKey } from 'node:crypto';
import type { CommandResult, ProgramContext } from '../../shell/types.ts';
import { formatAsn1Time } from '../../tls/asn1-time.ts';
import type { Certificate } from '../../tls/certificate.ts';
import { parseCertificateRequestPem } from '../../tls/certificate-request.ts';
import type { CertificateExtension } from '../../tls/extensions.ts';
import { issueCertificate } from '../../tls/issue-certificate.ts';
import { formatName, type NameStyle } from '../../tls/name-format.ts';
import type { PrivateKey } from '../../tls/private-key.ts';
import { keyIdentifier, publicKeyDetails } from '../../tls/public-key.ts';
import { randomSerialNumber } from '../../tls/serial-number.ts';
import { colonHexUpper, EXTENSION_NAMES, extensionLines } from './extension-text.ts';
import { extensionsFromConfig } from './extension-config.ts';
import { parseOpensslConfig } from './openssl-config.ts';
import { errorStackLine, failure, loadForBio, writeOutput } from './openssl-files.ts';
import { loadCertificate, loadPrivateKey } from './openssl-loaders.ts';
import { parseNumber, parseOptions } from './openssl-options.ts';
import { chosenDigest } from './openssl-digests.ts';
import type { TlsToolDeps } from './tool-deps.ts';
import { certificateText } from './x509-text.ts';

const SPEC = {
  in: 'value',
  out: 'value',
  noout: 'flag',
  subject: 'flag',
  issuer: 'flag',
  serial: 'flag',
  dates: 'flag',
  startdate: 'flag',
  enddate: 'flag',
  fingerprint: 'flag',
  text: 'flag',
  pubkey: 'flag',
  modulus: 'flag',
  ext: 'value',
  nameopt: 'value',
  checkend: 'value',
  req: 'flag',
  CA: 'value',
  CAkey: 'value',
  CAcreateserial: 'flag',
  CAserial: 'value',
  set_serial: 'value',
  signkey: 'value',
  key: 'value',
  days: 'value',
  extfile: 'value',
  extensions: 'value',
  inform: 'value',
  outform: 'value',
} as const;

/** Digest options and the label `-fingerprint` prints for each (the name as given; SHA1 by default). */
const FINGERPRINT_DIGESTS: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };

function nameStyle(nameopt: string | undefined): NameStyle {
  return nameopt !== undefined && nameopt.toLowerCase() === 'rfc2253' ? 'rfc2253' : 'oneline';
}

/** The lines of one print option; `stderr` for `-ext` naming nothing the certificate has. */
function printOption(option: string, cert: Certificate, order: readonly string[], values: ReadonlyMap<string, string>): { stdout: string; stderr?: string } {
  const style = nameStyle(values.get('nameopt'));
  switch (option) {
    case 'subject':
      return { stdout: `subject=${formatName(cert.subject, style)}\n` };
    case 'issuer':
      return { stdout: `issuer=${formatName(cert.issuer, style)}\n` };
    case 'serial':
      return { stdout: `serial=${cert.serialHex || '00'}\n` };
    case 'dates':
      return { stdout: `notBefore=${formatAsn1Time(cert.notBefore)}\nnotAfter=${formatAsn1Time(cert.notAfter)}\n` };
    case 'startdate':
      return { stdout: `notBefore=${formatAsn1Time(cert.notBefore)}\n` };
    case 'enddate':
      return { stdout: `notAfter=${formatAsn1Time(cert.notAfter)}\n` };
    case 'fingerprint': {
      const digest = [...order].reverse().find((o) => FINGERPRINT_DIGESTS[o]);
      const algorithm = digest ?? 'sha1';
      const label = digest ? FINGERPRINT_DIGESTS[digest] : 'SHA1';
      return { stdout: `${label} Fingerprint=${colonHexUpper(createHash(algorithm).update(cert.der).digest())}\n` };
    }
    case 'text':
      return { stdout: certificateText(cert) };
    case 'pubkey':
      return { stdout: String(createPublicKey({ key: Buffer.from(cert.spki), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' })) };
    case 'modulus': {
      const key = publicKeyDetails(cert.spki);
      if (key.algorithm !== 'rsa') return { stdout: 'No modulus for this public key type\n' };
      return { stdout: `Modulus=${Buffer.from(key.modulus).toString('hex').toUpperCase()}\n` };
    }
    case 'ext': {
      const wanted = values.get('ext')!.split(',').map((s) => s.trim());
      const oids = EXTENSION_NAMES.filter((n) => wanted.includes(n.shortName)).map((n) => n.oid);
      const found = cert.extensions.filter((e) => oids.includes(e.oid));
      if (found.length === 0) return { stdout: '', stderr: 'No extensions in certificate\n' };
      return { stdout: found.flatMap((e) => extensionLines(e, 0)).join('\n') + '\n' };
    }
    default:
      return { stdout: '' };
  }
}

const PRINT_OPTIONS = new Set(['subject', 'issuer', 'serial', 'dates', 'startdate', 'enddate', 'fingerprint', 'text', 'pubkey', 'modulus', 'ext']);

/** The default serial file of a CA file: its name up to the last dot, then `.srl`. */
function serialFileFor(caPath: string): string {
  const dot = caPath.lastIndexOf('.');
  return `${dot >= 0 ? caPath.slice(0, dot) : caPath}.srl`;
}

/** The srl file's form of a serial: upper-case hex, whole bytes, a newline. */
function serialFileText(serial: bigint): string {
  let hex = serial.toString(16).toUpperCase();
  if (hex.length % 2) hex = `0${hex}`;
  return `${hex}\n`;
}

type Signed = { ok: true; cert: Certificate; stderr: string } | { ok: false; stderr: string };

async function signRequest(ctx: ProgramContext, deps: TlsToolDeps, values: ReadonlyMap<string, string>, flags: ReadonlySet<string>, order: readonly string[], days: number): Promise<Signed> {
  const input = loadForBio(ctx, values.get('in'));
  if (!input.ok) return { ok: false, stderr: `${input.stderr}Unable to load certificate request input\n` };
  const request = parseCertificateRequestPem(input.text);
  if (!request) {
    return {
      ok: false,
      stderr: `Unable to load certificate request input\n${errorStackLine('0480006C', 'PEM routines', 'get_name', 'no start line', '../crypto/pem/pem_lib.c:760', 'Expecting: CERTIFICATE REQUEST')}\n`,
    };
  }
  if (!(await request.hasValidSelfSignature())) return { ok: false, stderr: 'Certificate request self-signature did not match the contents\n' };
  let stderr = `Certificate request self-signature ok\nsubject=${formatName(request.subject, 'oneline')}\n`;

  let signer: PrivateKey;
  let issuer = request.subject;
  let spki = request.spki;
  let issuerKeyId: Uint8Array | undefined;
  let caCert: Certificate | undefined;
  const caPath = values.get('CA');
  if (caPath !== undefined) {
    const ca = loadCertificate(ctx, caPath, 'CA certificate');
    if (!ca.ok) return { ok: false, stderr: stderr + ca.stderr };
    caCert = ca.value;
    const caKey = loadPrivateKey(ctx, values.get('CAkey') ?? caPath, 'CA private key');
    if (!caKey.ok) return { ok: false, stderr: stderr + caKey.stderr };
    if (!caKey.value.matchesPublicKey(caCert.spki)) {
      return {
        ok: false,
        stderr: `${stderr}CA certificate and CA private key do not match\n${errorStackLine('05800074', 'x509 certificate routines', 'X509_check_private_key', 'key values mismatch', '../crypto/x509/x509_cmp.c:403')}\n`,
      };
    }
    signer = caKey.value;
    issuer = caCert.subject;
    issuerKeyId = caCert.subjectKeyIdentifier;
  } else {
    const keyPath = values.get('signkey') ?? values.get('key');
    if (keyPath === undefined) return { ok: false, stderr: `${stderr}We need a private key to sign with, use -key or -CAkey or -CA with private key\n` };
    const key = loadPrivateKey(ctx, keyPath, 'private key');
    if (!key.ok) return { ok: false, stderr: stderr + key.stderr };
    signer = key.value;
    spki = signer.spki;
    issuerKeyId = keyIdentifier(signer.spki);
  }

  let extensions: CertificateExtension[] = [];
  const extfile = values.get('extfile');
  if (extfile !== undefined) {
    const file = loadForBio(ctx, extfile);
    if (!file.ok) return { ok: false, stderr: stderr + file.stderr };
    const sections = parseOpensslConfig(file.text);
    const named = sections.get('default')!.find(([k]) => k === 'extensions')?.[1];
    const section = values.get('extensions') ?? named ?? 'default';
    const built = extensionsFromConfig(new Map([...sections].map(([k, v]) => [k, k === 'default' ? v.filter(([n]) => n !== 'extensions') : v])), section, {
      subjectKeyId: () => keyIdentifier(spki),
      issuerKeyId,
    });
    if (!built.ok) return { ok: false, stderr: `${stderr}${built.stack.join('\n')}\n` };
    extensions = built.extensions;
  }

  let serial: bigint;
  const setSerial = values.get('set_serial');
  if (setSerial !== undefined) {
    if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(setSerial)) return { ok: false, stderr: `${stderr}x509: Error converting serial number\n` };
    serial = BigInt(setSerial);
  } else if (caPath !== undefined) {
    const serialPath = values.get('CAserial') ?? serialFileFor(caPath);
    const existing = ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, serialPath));
    if (existing !== undefined && /^\s*[0-9A-Fa-f]+\s*$/.test(existing)) serial = BigInt(`0x${existing.trim()}`) + 1n;
    else serial = randomSerialNumber(deps.random);
    if (existing !== undefined || flags.has('CAcreateserial')) {
      const written = writeOutput(ctx, serialPath, serialFileText(serial));
      if (!written.ok) return { ok: false, stderr: stderr + written.stderr };
    }
  } else serial = randomSerialNumber(deps.random);

  const now = Math.floor(deps.now() / 1000) * 1000;
  const cert = await issueCertificate(
    {
      version: extensions.length > 0 ? 3 : 1,
      serialNumber: serial,
      subject: request.subject,
      issuer,
      notBefore: now,
      notAfter: now + days * 86_400_000,
      spki,
      extensions,
    },
    signer,
    chosenDigest(order),
  );
  return { ok: true, cert, stderr };
}

export async function x509(ctx: ProgramContext, args: string[], deps: TlsToolDeps): Promise<CommandResult> {
  const parsed = parseOptions('x509', args, SPEC, () => 'keep');
  if (!parsed.ok) return failure(parsed.stderr);
  const { values, flags, order, rest } = parsed.options;
  if (rest.length > 0) return failure('x509: Use -help for summary.\n');
  let days = 30;
  if (values.has('days')) {
    const n = parseNumber('x509', values.get('days')!);
    if (!n.ok) return failure(n.stderr);
    days = n.value;
  }
  let cert: Certificate;
  let stderr = '';
  if (flags.has('req')) {
    const signed = await signRequest(ctx, deps, values, flags, order, days);
    if (!signed.ok) return failure(signed.stderr);
    cert = signed.cert;
    stderr = signed.stderr;
  } else {
    const loaded = loadCertificate(ctx, values.get('in'), 'certificate');
    if (!loaded.ok) return failure(loaded.stderr);
    cert = loaded.value;
  }
  let stdout = '';
  const printed = new Set<string>();
  for (const option of order) {
    if (!PRINT_OPTIONS.has(option) || printed.has(option)) continue;
    printed.add(option);
    const out = printOption(option, cert, order, values);
    stdout += out.stdout;
    stderr += out.stderr ?? '';
  }
  if (values.has('checkend')) {
    const n = parseNumber('x509', values.get('checkend')!);
    if (!n.ok) return failure(n.stderr);
    const expires = Math.floor(deps.now() / 1000) * 1000 + n.value * 1000 >= cert.notAfter;
    return { stdout: `${stdout}Certificate will ${expires ? '' : 'not '}expire\n`, stderr, exitCode: expires ? 1 : 0 };
  }
  if (flags.has('noout')) return { stdout, stderr, exitCode: 0 };
  const out = values.get('out');
  if (out === undefined) return { stdout: stdout + cert.pem, stderr, exitCode: 0 };
  const written = writeOutput(ctx, out, cert.pem);
  if (!written.ok) return { stdout, stderr: stderr + written.stderr, exitCode: 1 };
  return { stdout, stderr, exitCode: 0 };
}
