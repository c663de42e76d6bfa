/**
 * `cfssl gencert` of cfssl 1.2 (cli/gencert, initca, csr, signer/local; the
 * Debian golang-cfssl build on this machine was the reference for every text):
 * - `-initca CSR.json`: a new CA key and self-signed CA certificate
 *   (cert sign + crl sign, CA:TRUE, 43800h unless the request's "ca" says);
 * - `-ca CA -ca-key KEY [-config C] [-profile P] [-hostname H] CSR.json`: a new
 *   key and a certificate signed by the CA with the profile's usages and expiry.
 * Prints `{"cert":...,"csr":...,"key":...}` for cfssljson and logs on stderr
 * with the clock's time. Certificates start 5 minutes before the clock's time
 * rounded to the minute, as FillTemplate backdates them.
 */
import type { CommandResult, ProgramContext } from '../../shell/types.ts';
import { parseCertificatesPem, type Certificate } from '../../tls/certificate.ts';
import { createCertificateRequest } from '../../tls/certificate-request.ts';
import type { DistinguishedName } from '../../tls/distinguished-name.ts';
import {
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  extendedKeyUsageExtension,
  keyUsageExtension,
  subjectAltNameExtension,
  subjectKeyIdentifierExtension,
  type AlternativeName,
  type CertificateExtension,
} from '../../tls/extensions.ts';
import { issueCertificate } from '../../tls/issue-certificate.ts';
import { generatePrivateKey } from '../../tls/key-generation.ts';
import { parsePrivateKeyPem, type HashName, type PrivateKey } from '../../tls/private-key.ts';
import { keyIdentifier } from '../../tls/public-key.ts';
import { randomSerialNumber } from '../../tls/serial-number.ts';
import { caPolicy, cfsslError, DEFAULT_POLICY, profileNamed, profileUsages, type SigningPolicy, type SigningProfile } from './cfssl-config.ts';
import { CERTIFICATE_REQUEST_TYPE, hostNames, requestedKey, requestSubject, type CfsslRequest } from './cfssl-request.ts';
import { parseGoDuration } from './go-duration.ts';
import { goReadFile } from './go-files.ts';
import { decodeGoJson } from './go-json.ts';
import { goLogLine } from './go-log.ts';
import type { TlsToolDeps } from './tool-deps.ts';

/** csr.CSRNoHostMessage, logged as a warning when the certificate gets no hosts. */
const NO_HOSTS_WARNING =
  'This certificate lacks a "hosts" field. This makes it unsuitable for\n' +
  'websites. For more information see the Baseline Requirements for the Issuance and Management\n' +
  'of Publicly-Trusted Certificates, v.1.1.6, from the CA/Browser Forum (https://cabforum.org);\n' +
  'specifically, section 10.2.3 ("Information Requirements").';

export interface GencertOptions {
  initca: boolean;
  ca?: string;
  caKey?: string;
  profile?: string;
  hostname?: string;
  /** The -config policy; undefined without -config. */
  config?: SigningPolicy;
  /** -loglevel: 0 debug ... 5 fatal; INFO shows at 1 and below. */
  logLevel: number;
}

/** signer.DefaultSigAlgo: the hash a CA key signs with. */
function signingHash(key: PrivateKey): HashName {
  if (key.algorithm.name === 'ec') return ({ 'P-256': 'SHA-256', 'P-384': 'SHA-384', 'P-521': 'SHA-512' } as const)[key.algorithm.curve];
  const bits = key.algorithm.bits;
  return bits >= 4096 ? 'SHA-512' : bits >= 3072 ? 'SHA-384' : bits >= 2048 ? 'SHA-256' : 'SHA-1';
}

/** time.Now().Round(time.Minute): halfway rounds up. */
const roundToMinute = (ms: number) => Math.floor((ms + 30_000) / 60_000) * 60_000;

class Run {
  stderr = '';
  constructor(
    private readonly deps: TlsToolDeps,
    private readonly logLevel: number,
  ) {}
  log(level: 'INFO' | 'WARNING' | 'ERROR', message: string): void {
    const rank = { INFO: 1, WARNING: 2, ERROR: 3 }[level];
    if (rank >= this.logLevel) this.stderr += goLogLine(this.deps.now(), `[${level}] ${message}`);
  }
  fail(message: string): CommandResult {
    return { stdout: '', stderr: `${this.stderr}${message}\n`, exitCode: 1 };
  }
}

interface Generated {
  key: PrivateKey;
  csrPem: string;
}

/** csr.Generator.ProcessRequest: logs, makes the key and the request; the error JSON when key generation fails. */
async function processRequest(run: Run, request: CfsslRequest): Promise<Generated | string> {
  run.log('INFO', 'received CSR');
  const wanted = requestedKey(request);
  run.log('INFO', `generating key: ${wanted.label}`);
  if (!wanted.algorithm) return cfsslError(2400, wanted.error!);
  const key = await generatePrivateKey(wanted.algorithm);
  const names = hostNames(request.hosts ?? []);
  const extensions = names.length > 0 ? [subjectAltNameExtension(names)] : [];
  const csr = await createCertificateRequest(requestSubject(request), key, signingHash(key), extensions);
  run.log('INFO', 'encoded CSR');
  return { key, csrPem: csr.pem };
}

interface SignInput {
  subject: DistinguishedName;
  spki: Uint8Array;
  names: AlternativeName[];
  profile: SigningProfile;
  isCa: boolean;
  pathLength?: number;
  issuer?: Certificate;
  signer: PrivateKey;
}

/** signer/local Signer.sign after FillTemplate, with x509.CreateCertificate's extension order. */
async function sign(run: Run, deps: TlsToolDeps, input: SignInput): Promise<Certificate | string> {
  const usages = profileUsages(input.profile);
  if (usages.keyUsages.length === 0 && usages.extendedKeyUsages.length === 0) return cfsslError(5100, 'Invalid policy: no key usage available');
  const ski = keyIdentifier(input.spki);
  const extensions: CertificateExtension[] = [];
  if (usages.keyUsages.length > 0) extensions.push(keyUsageExtension(usages.keyUsages, true));
  if (usages.extendedKeyUsages.length > 0) extensions.push(extendedKeyUsageExtension(usages.extendedKeyUsages));
  extensions.push(basicConstraintsExtension({ ca: input.isCa, pathLength: input.pathLength, critical: true }));
  extensions.push(subjectKeyIdentifierExtension(ski));
  const issuerKeyId = input.issuer?.subjectKeyIdentifier;
  if (input.issuer && issuerKeyId) extensions.push(authorityKeyIdentifierExtension(issuerKeyId));
  if (input.names.length > 0) extensions.push(subjectAltNameExtension(input.names));
  const notBefore = roundToMinute(deps.now()) - (input.profile.backdate || 5 * 60_000);
  const serial = randomSerialNumber(deps.random);
  const cert = await issueCertificate(
    {
      version: 3,
      serialNumber: serial,
      subject: input.subject,
      issuer: input.issuer ? input.issuer.subject : input.subject,
      notBefore,
      notAfter: notBefore + input.profile.expiry,
      spki: input.spki,
      extensions,
    },
    input.signer,
    signingHash(input.signer),
  );
  run.log('INFO', `signed certificate with serial number ${serial}`);
  return cert;
}

/** cli.PrintCert: Go's json.Marshal of a map, keys sorted, then a newline. */
function printCert(parts: { cert: string; csr: string; key?: string }): string {
  const out: Record<string, string> = { cert: parts.cert, csr: parts.csr };
  if (parts.key !== undefined) out.key = parts.key;
  return `${JSON.stringify(out)}\n`;
}

async function initca(run: Run, deps: TlsToolDeps, request: CfsslRequest, ctx: ProgramContext, caKey: string | undefined): Promise<CommandResult> {
  let expiry: number | undefined;
  if (request.ca?.expiry) {
    const parsed = parseGoDuration(request.ca.expiry);
    if (!parsed.ok) return run.fail(parsed.error);
    expiry = parsed.ms;
  }
  const pathLength = request.ca?.pathlen ? request.ca.pathlen : request.ca?.pathlenzero ? 0 : undefined;
  // initca's validator: a CA needs a subject.
  const missingSubject = !request.CN && (request.names ?? []).length === 0;
  let key: PrivateKey;
  let csrPem: string;
  let printKey = true;
  if (caKey !== undefined) {
    run.log('INFO', 're-generate a CA certificate from CSR and CA key');
    const file = goReadFile(ctx, caKey);
    if (!file.ok) return run.fail(file.error);
    const existing = parsePrivateKeyPem(file.text);
    if (!existing) return run.fail(cfsslError(2003, 'Failed to parse private key'));
    if (missingSubject) return run.fail(cfsslError(5300, 'missing subject information'));
    key = existing;
    const names = hostNames(request.hosts ?? []);
    csrPem = (await createCertificateRequest(requestSubject(request), key, signingHash(key), names.length ? [subjectAltNameExtension(names)] : [])).pem;
    run.log('INFO', 'encoded CSR');
    printKey = false;
  } else {
    run.log('INFO', 'generating a new CA key and certificate from CSR');
    run.log('INFO', 'generate received request');
    if (missingSubject) {
      const error = cfsslError(5300, 'missing subject information');
      run.log('WARNING', `invalid request: ${error}`);
      run.log('ERROR', `failed to process request: ${error}`);
      return run.fail(error);
    }
    const generated = await processRequest(run, request);
    if (typeof generated === 'string') {
      run.log('ERROR', `failed to process request: ${generated}`);
      return run.fail(generated);
    }
    ({ key, csrPem } = generated);
  }
  // A root keeps only the IP addresses of its hosts (signer/local sign, initRoot).
  const names = hostNames(request.hosts ?? []).filter((n) => n.type === 'ip');
  const signed = await sign(run, deps, {
    subject: requestSubject(request),
    spki: key.spki,
    names,
    profile: profileNamed(caPolicy(expiry), undefined),
    isCa: true,
    pathLength,
    signer: key,
  });
  if (typeof signed === 'string') return run.fail(signed);
  return { stdout: printCert({ cert: signed.pem, csr: csrPem, key: printKey ? key.toTraditionalPem() : undefined }), stderr: run.stderr, exitCode: 0 };
}

async function gencertWithCa(run: Run, deps: TlsToolDeps, request: CfsslRequest, ctx: ProgramContext, options: GencertOptions): Promise<CommandResult> {
  if (options.config === undefined) {
    if (!options.ca) {
      run.log('ERROR', 'need a CA certificate (provide one with -ca)');
      return { stdout: '', stderr: run.stderr, exitCode: 0 };
    }
    if (!options.caKey) {
      run.log('ERROR', 'need a CA key (provide one with -ca-key)');
      return { stdout: '', stderr: run.stderr, exitCode: 0 };
    }
  }
  run.log('INFO', 'generate received request');
  const generated = await processRequest(run, request);
  if (typeof generated === 'string') return run.fail(generated);
  // local.NewSignerFromFile: read the CA, then its key, then parse both.
  const caFile = goReadFile(ctx, options.ca ?? '');
  if (!caFile.ok) return run.fail(caFile.error);
  const keyFile = goReadFile(ctx, options.caKey ?? '');
  if (!keyFile.ok) return run.fail(cfsslError(1001, keyFile.error));
  const ca = parseCertificatesPem(caFile.text)[0];
  if (!ca) return run.fail(cfsslError(1003, 'Failed to parse certificate'));
  const caKey = parsePrivateKeyPem(keyFile.text);
  if (!caKey) return run.fail(cfsslError(2003, 'Failed to parse private key'));
  const hosts = options.hostname !== undefined && options.hostname !== '' ? options.hostname.split(',') : (request.hosts ?? []);
  const signed = await sign(run, deps, {
    subject: requestSubject(request),
    spki: generated.key.spki,
    names: hostNames(hosts),
    profile: profileNamed(options.config ?? DEFAULT_POLICY, options.profile),
    isCa: false,
    issuer: ca,
    signer: caKey,
  });
  if (typeof signed === 'string') return run.fail(signed);
  if ((request.hosts ?? []).length === 0 && !options.hostname) run.log('WARNING', NO_HOSTS_WARNING);
  return { stdout: printCert({ cert: signed.pem, csr: generated.csrPem, key: generated.key.toTraditionalPem() }), stderr: run.stderr, exitCode: 0 };
}

export async function gencert(ctx: ProgramContext, args: string[], deps: TlsToolDeps, options: GencertOptions): Promise<CommandResult> {
  const run = new Run(deps, options.logLevel);
  if (args.length < 1) return run.fail('not enough arguments are supplied --- please refer to the usage');
  const file = goReadFile(ctx, args[0]);
  if (!file.ok) return run.fail(file.error);
  const decoded = decodeGoJson(file.text, CERTIFICATE_REQUEST_TYPE);
  if (!decoded.ok) return run.fail(decoded.error);
  const request = decoded.value as CfsslRequest;
  if (options.initca) return initca(run, deps, request, ctx, options.caKey);
  if (request.ca) return run.fail('ca section only permitted in initca');
  return gencertWithCa(run, deps, request, ctx, options);
}
