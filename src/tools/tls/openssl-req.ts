/**
 * `openssl req` (apps/req.c, OpenSSL 3.0.19 with Debian's /etc/ssl/openssl.cnf):
 * - `req -x509 -nodes -days N -newkey rsa:BITS -keyout K -out C -subj S` (seed 000)
 * - `req -new -x509 -key K -out C -days N -subj S` (seed 001)
 * - `req -new -key K -out R.csr -subj S`, `req -new -newkey rsa:2048 -nodes -keyout K -out R.csr`
 * Self-signed certificates get the v3_ca extensions (subject and authority key
 * identifiers, critical CA:TRUE) and any -addext; requests carry -addext as
 * requested extensions. Progress dots and `-----` go to stderr while a key is
 * generated; without -keyout the key goes to privkey.pem (default_keyfile);
 * without -subj the name is asked for on stdin.
 */
import type { CommandResult, ProgramContext } from '../../shell/types.ts';
import { createCertificateRequest } from '../../tls/certificate-request.ts';
import type { DistinguishedName } from '../../tls/distinguished-name.ts';
import type { CertificateExtension } from '../../tls/extensions.ts';
import { issueCertificate } from '../../tls/issue-certificate.ts';
import { generatePrivateKey } from '../../tls/key-generation.ts';
import { parseOpensslSubject } from '../../tls/openssl-subject.ts';
import type { PrivateKey } from '../../tls/private-key.ts';
import { keyIdentifier } from '../../tls/public-key.ts';
import { randomSerialNumber } from '../../tls/serial-number.ts';
import { promptDistinguishedName } from './distinguished-name-prompts.ts';
import { extensionsFromConfig, SYNTAX_CHECK_CONTEXT, V3_CA_SECTION } from './extension-config.ts';
import { parseOpensslConfig } from './openssl-config.ts';
import { chosenDigest, DIGESTS } from './openssl-digests.ts';
import { errorStackLine, failure, passphraseFailure, writeKeyFile, writeOutput } from './openssl-files.ts';
import { loadPrivateKey } from './openssl-loaders.ts';
import { parseNumber, parseOptions } from './openssl-options.ts';
import { rsaKeyGenerationProgress } from './key-generation-progress.ts';
import { subjectErrorText, subjectWarningText } from './subject-messages.ts';
import type { TlsToolDeps } from './tool-deps.ts';
import { certificateText } from './x509-text.ts';

const SPEC = {
  new: 'flag',
  x509: 'flag',
  nodes: 'flag',
  noenc: 'flag',
  utf8: 'flag',
  text: 'flag',
  noout: 'flag',
  batch: 'flag',
  days: 'value',
  newkey: 'value',
  keyout: 'value',
  key: 'value',
  out: 'value',
  subj: 'value',
  set_serial: 'value',
  addext: 'value',
  passout: 'value',
  in: 'value',
} as const;

/** `-newkey rsa:2048` / `-newkey rsa`: the RSA size; undefined for what we do not generate. */
function newKeyBits(spec: string): number | undefined {
  const m = /^rsa(?::(\d+))?$/.exec(spec);
  return m ? Number(m[1] ?? 2048) : undefined;
}

export async function req(ctx: ProgramContext, args: string[], deps: TlsToolDeps): Promise<CommandResult> {
  const parsed = parseOptions('req', args, SPEC, (name) => (DIGESTS[name] ? 'keep' : `req: Unknown option or message digest: ${name}\nreq: Use -help for summary.\n`));
  if (!parsed.ok) return failure(parsed.stderr);
  const { options } = parsed;
  if (options.rest.length > 0) return failure('req: Use -help for summary.\n');
  let days = 30;
  if (options.values.has('days')) {
    const n = parseNumber('req', options.values.get('days')!);
    if (!n.ok) return failure(n.stderr);
    days = n.value;
  }
  const selfSigned = options.flags.has('x509');
  if (!selfSigned && !options.flags.has('new') && !options.values.has('newkey')) {
    return failure(
      `Unable to load X509 request\n${errorStackLine('0480006C', 'PEM routines', 'get_name', 'no start line', '../crypto/pem/pem_lib.c:760', 'Expecting: CERTIFICATE REQUEST')}\n`,
    );
  }
  const addext = parseOpensslConfig((options.repeated.get('addext') ?? []).join('\n'));
  const check = extensionsFromConfig(addext, 'default', SYNTAX_CHECK_CONTEXT);
  if (!check.ok) return failure(`Error checking extensions defined using -addext\n${check.stack.join('\n')}\n`);

  let stderr = '';
  let key: PrivateKey;
  if (options.values.has('key')) {
    const loaded = loadPrivateKey(ctx, options.values.get('key'), 'private key');
    if (!loaded.ok) return failure(loaded.stderr);
    key = loaded.value;
  } else {
    const spec = options.values.get('newkey') ?? 'rsa';
    const bits = newKeyBits(spec);
    if (bits === undefined) return failure(`req: Error generating ${spec.split(':')[0]} key\n`);
    key = await generatePrivateKey({ name: 'rsa', bits });
    stderr += rsaKeyGenerationProgress(bits, deps.random);
    const keyout = options.values.get('keyout') ?? 'privkey.pem';
    if (!options.flags.has('nodes') && !options.flags.has('noenc') && !options.values.has('passout')) {
      writeKeyFile(ctx, 'req', keyout, '');
      return failure(stderr + passphraseFailure());
    }
    const written = writeKeyFile(ctx, 'req', keyout, key.toPkcs8Pem());
    if (!written.ok) return failure(stderr + written.stderr);
    stderr += '-----\n';
  }

  let subject: DistinguishedName;
  const subj = options.values.get('subj');
  if (subj !== undefined) {
    const parse = parseOpensslSubject(subj, { utf8: options.flags.has('utf8') });
    stderr += parse.warnings.map((w) => subjectWarningText('req', w)).join('');
    if (parse.error || !parse.name) return failure(stderr + subjectErrorText('req', subj, parse.error!));
    subject = parse.name;
  } else {
    const prompted = promptDistinguishedName(ctx.stdin, !selfSigned);
    stderr += prompted.stderr;
    if (!prompted.name) return failure(stderr);
    subject = prompted.name;
  }

  const hash = chosenDigest(options.order);
  const context = { subjectKeyId: () => keyIdentifier(key.spki), issuerKeyId: keyIdentifier(key.spki) };
  let pem: string;
  let text = '';
  if (selfSigned) {
    const base = extensionsFromConfig(new Map([['v3_ca', V3_CA_SECTION]]), 'v3_ca', context);
    const all = base.ok ? extensionsFromConfig(addext, 'default', context, base.extensions) : base;
    if (!all.ok) return failure(`${stderr}${all.stack.join('\n')}\n`);
    let serial = randomSerialNumber(deps.random);
    if (options.values.has('set_serial')) {
      const n = options.values.get('set_serial')!;
      if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(n)) return failure(`${stderr}req: Error converting serial number\n`);
      serial = BigInt(n);
    }
    const now = Math.floor(deps.now() / 1000) * 1000;
    const cert = await issueCertificate(
      { version: 3, serialNumber: serial, subject, issuer: subject, notBefore: now, notAfter: now + days * 86_400_000, spki: key.spki, extensions: all.extensions },
      key,
      hash,
    );
    pem = cert.pem;
    if (options.flags.has('text')) text = certificateText(cert);
  } else {
    const requested = extensionsFromConfig(addext, 'default', context);
    const extensions: CertificateExtension[] = requested.ok ? requested.extensions : [];
    pem = (await createCertificateRequest(subject, key, hash, extensions)).pem;
  }
  const output = text + (options.flags.has('noout') ? '' : pem);
  const out = options.values.get('out');
  if (out === undefined) return { stdout: output, stderr, exitCode: 0 };
  const written = writeOutput(ctx, out, output);
  if (!written.ok) return failure(stderr + written.stderr);
  return { stdout: '', stderr, exitCode: 0 };
}
