/**
 * `openssl genrsa [-out FILE] [-traditional] [-aes256 ...] [BITS]` (apps/genrsa.c,
 * OpenSSL 3.0): a new RSA key, 2048 bits unless told, written as PKCS#8
 * `PRIVATE KEY` (PKCS#1 with -traditional) to FILE or stdout. OpenSSL 3.0
 * prints no progress for genrsa unless -verbose.
 */
import type { CommandResult, ProgramContext } from '../../shell/types.ts';
import { generatePrivateKey } from '../../tls/key-generation.ts';
import { errorStackLine, failure, passphraseFailure, writeKeyFile } from './openssl-files.ts';
import { parseOptions } from './openssl-options.ts';
import { rsaKeyGenerationProgress } from './key-generation-progress.ts';
import type { TlsToolDeps } from './tool-deps.ts';

const SPEC = { out: 'value', passout: 'value', traditional: 'flag', verbose: 'flag', quiet: 'flag', f4: 'flag', '3': 'flag' } as const;
const CIPHERS = new Set(['aes128', 'aes192', 'aes256', 'aria128', 'aria192', 'aria256', 'camellia128', 'camellia192', 'camellia256', 'des', 'des3', 'idea']);

export async function genrsa(ctx: ProgramContext, args: string[], deps: TlsToolDeps): Promise<CommandResult> {
  const parsed = parseOptions('genrsa', args, SPEC, (name) =>
    CIPHERS.has(name)
      ? 'keep'
      : `genrsa: Unknown cipher: ${name}\n${errorStackLine('0308010C', 'digital envelope routines', 'inner_evp_generic_fetch', 'unsupported', '../crypto/evp/evp_fetch.c:386', `Global default library context, Algorithm (${name} : 0), Properties (<null>)`)}\n`,
  );
  if (!parsed.ok) return failure(parsed.stderr);
  const { options } = parsed;
  if (options.rest.length > 1) return failure('Extra arguments given.\ngenrsa: Use -help for summary.\n');
  let bits = 2048;
  if (options.rest.length === 1) {
    if (!/^\d+$/.test(options.rest[0])) return failure(`genrsa: Can't parse "${options.rest[0]}" as a number\n`);
    bits = Number(options.rest[0]);
  }
  if (bits < 512) {
    return failure(
      `Error setting RSA length\n${errorStackLine('1C8000AB', 'Provider routines', 'rsa_gen_set_params', 'key size too small', '../providers/implementations/keymgmt/rsa_kmgmt.c:509')}\n`,
    );
  }
  const out = options.values.get('out');
  const encrypted = [...options.flags].some((f) => CIPHERS.has(f)) && !options.values.has('passout');
  const key = await generatePrivateKey({ name: 'rsa', bits });
  const progress = options.flags.has('verbose') ? `Generating RSA key with ${bits} bits\n${rsaKeyGenerationProgress(bits, deps.random)}` : '';
  if (encrypted) {
    if (out !== undefined) writeKeyFile(ctx, 'genrsa', out, '');
    return failure(progress + passphraseFailure());
  }
  const pem = options.flags.has('traditional') ? key.toTraditionalPem() : key.toPkcs8Pem();
  if (out === undefined) return { stdout: pem, stderr: progress, exitCode: 0 };
  const written = writeKeyFile(ctx, 'genrsa', out, pem);
  if (!written.ok) return failure(written.stderr);
  return { stdout: '', stderr: progress, exitCode: 0 };
}
