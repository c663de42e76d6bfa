/**
 * `openssl verify [-CAfile F] [-untrusted F] [-partial_chain] [-attime T]
 * [-purpose sslserver] CERT...` (apps/verify.c, OpenSSL 3.0.19): `CERT: OK`,
 * or each error as the app's callback prints it (the certificate's subject,
 * then `error N at D depth lookup: TEXT`) and `error CERT: verification failed`
 * with exit status 2. Like the app's callback it goes on after an expired or
 * self-signed certificate and after CA and purpose errors. Time is the clock's
 * unless -attime gives one.
 */
import type { CommandResult, ProgramContext } from '../../shell/types.ts';
import { parseCertificatesPem, type Certificate } from '../../tls/certificate.ts';
import { verifyChain } from '../../tls/chain-verification.ts';
import { formatName } from '../../tls/name-format.ts';
import { VERIFY_ERRORS } from '../../tls/verify-errors.ts';
import { errorStackLine, failure, loadForStore } from './openssl-files.ts';
import { parseNumber, parseOptions } from './openssl-options.ts';
import type { TlsToolDeps } from './tool-deps.ts';

const SPEC = { CAfile: 'value', CApath: 'value', untrusted: 'value', attime: 'value', purpose: 'value', partial_chain: 'flag', verbose: 'flag', show_chain: 'flag' } as const;

const GOES_ON: ReadonlySet<number> = new Set([
  VERIFY_ERRORS.certHasExpired.code,
  VERIFY_ERRORS.depthZeroSelfSignedCert.code,
  VERIFY_ERRORS.invalidCa.code,
  VERIFY_ERRORS.invalidPurpose.code,
]);

/** A certificate bundle read for the store (-CAfile, -untrusted): X509_load_cert_crl_file's messages. */
function loadBundle(ctx: ProgramContext, path: string): { ok: true; certs: Certificate[] } | { ok: false; stderr: string } {
  const full = ctx.fs.resolve(ctx.cwd, path);
  const text = ctx.fs.isDirectory(full) ? undefined : ctx.fs.readFile(full);
  if (text !== undefined) return { ok: true, certs: parseCertificatesPem(text) };
  return {
    ok: false,
    stderr:
      `Error loading file ${path}\n` +
      `${errorStackLine('80000002', 'system library', 'BIO_new_file', 'No such file or directory', '../crypto/bio/bss_file.c:67', `calling fopen(${path}, r)`)}\n` +
      `${errorStackLine('10000080', 'BIO routines', 'BIO_new_file', 'no such file', '../crypto/bio/bss_file.c:75')}\n` +
      `${errorStackLine('05880002', 'x509 certificate routines', 'X509_load_cert_crl_file_ex', 'system lib', '../crypto/x509/by_file.c:229')}\n`,
  };
}

export async function verify(ctx: ProgramContext, args: string[], deps: TlsToolDeps): Promise<CommandResult> {
  const parsed = parseOptions('verify', args, SPEC, (name) => `verify: Unknown option: -${name}\nverify: Use -help for summary.\n`);
  if (!parsed.ok) return failure(parsed.stderr);
  const { values, flags, rest } = parsed.options;
  let now = deps.now();
  if (values.has('attime')) {
    const n = parseNumber('verify', values.get('attime')!);
    if (!n.ok) return failure(n.stderr);
    now = n.value * 1000;
  }
  const trusted: Certificate[] = [];
  const untrusted: Certificate[] = [];
  for (const [option, into] of [['CAfile', trusted], ['untrusted', untrusted]] as const) {
    const path = values.get(option);
    if (path === undefined) continue;
    const bundle = loadBundle(ctx, path);
    if (!bundle.ok) return failure(bundle.stderr);
    into.push(...bundle.certs);
  }
  let stdout = '';
  let stderr = '';
  let failed = false;
  for (const file of rest.length > 0 ? rest : [undefined]) {
    const shown = file ?? 'stdin';
    const loaded = loadForStore(ctx, file, 'certificate file');
    const cert = loaded.ok ? parseCertificatesPem(loaded.text)[0] : undefined;
    if (!cert) {
      stderr += loaded.ok ? `Could not read certificate file from ${shown}\nUnable to load certificate file\n` : `${loaded.stderr}Unable to load certificate file\n`;
      failed = true;
      continue;
    }
    const result = await verifyChain([cert, ...untrusted], trusted, now, {
      partialChain: flags.has('partial_chain'),
      purpose: values.get('purpose') === 'sslserver' ? 'sslServer' : undefined,
      continueAfter: (e) => GOES_ON.has(e.error.code),
    });
    for (const e of result.errors) {
      stderr += `${formatName(result.chain[e.depth].subject, 'oneline')}\nerror ${e.error.code} at ${e.depth} depth lookup: ${e.error.text}\n`;
    }
    if (result.errors.length > 0) {
      stderr += `error ${shown}: verification failed\n`;
      failed = true;
    } else stdout += `${shown}: OK\n`;
  }
  return { stdout, stderr, exitCode: failed ? 2 : 0 };
}
