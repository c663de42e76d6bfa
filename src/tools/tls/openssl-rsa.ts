/**
 * `openssl rsa -in KEY [-check] [-modulus] [-pubout] [-traditional] [-noout] [-out F]`
 * (apps/rsa.c, OpenSSL 3.0.19): checks and rewrites an RSA key. `-check` reports
 * "RSA key ok" (WebCrypto made or read the key, so it is sound); the key is
 * written as PKCS#8 unless -traditional, with "writing RSA key" on stderr.
 */
import { createPublicKey } from 'node:crypto';
import type { CommandResult, ProgramContext } from '../../shell/types.ts';
import { publicKeyDetails } from '../../tls/public-key.ts';
import { failure, writeOutput } from './openssl-files.ts';
import { loadPrivateKey } from './openssl-loaders.ts';
import { parseOptions } from './openssl-options.ts';

const SPEC = { in: 'value', out: 'value', check: 'flag', modulus: 'flag', pubout: 'flag', traditional: 'flag', noout: 'flag', text: 'flag', passin: 'value' } as const;

export function rsa(ctx: ProgramContext, args: string[]): CommandResult {
  const parsed = parseOptions('rsa', args, SPEC, (name) => `rsa: Unknown option: -${name}\nrsa: Use -help for summary.\n`);
  if (!parsed.ok) return failure(parsed.stderr);
  const { values, flags } = parsed.options;
  const loaded = loadPrivateKey(ctx, values.get('in'), 'private key');
  if (!loaded.ok) return failure(loaded.stderr);
  const key = loaded.value;
  if (key.algorithm.name !== 'rsa') return failure('Not an RSA key\n');
  let stdout = '';
  if (flags.has('modulus')) {
    const details = publicKeyDetails(key.spki);
    if (details.algorithm === 'rsa') stdout += `Modulus=${Buffer.from(details.modulus).toString('hex').toUpperCase()}\n`;
  }
  if (flags.has('check')) stdout += 'RSA key ok\n';
  if (flags.has('noout')) return { stdout, stderr: '', exitCode: 0 };
  const pem = flags.has('pubout')
    ? String(createPublicKey({ key: Buffer.from(key.spki), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }))
    : flags.has('traditional')
      ? key.toTraditionalPem()
      : key.toPkcs8Pem();
  const out = values.get('out');
  if (out === undefined) return { stdout: stdout + pem, stderr: 'writing RSA key\n', exitCode: 0 };
  const written = writeOutput(ctx, out, pem);
  if (!written.ok) return { stdout, stderr: `writing RSA key\n${written.stderr}`, exitCode: 1 };
  return { stdout, stderr: 'writing RSA key\n', exitCode: 0 };
}
