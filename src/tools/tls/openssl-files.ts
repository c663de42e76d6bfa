/**
 * How the openssl commands open files, with OpenSSL 3.0.19's messages for
 * each way of failing (checked on this machine). Keys and certificates load
 * through the OSSL_STORE API (apps/lib/apps.c load_key_certs_crls), other
 * inputs and all outputs through BIO_new_file (apps/lib/apps.c bio_open_default);
 * keys are written through bio_open_owner, whose message is the program's own.
 * The thread id that starts each error-stack line varies in real runs; a fixed
 * one keeps our output reproducible.
 */
import { FileSystemError, type CommandResult, type ProgramContext } from '../../shell/types.ts';
import { errnoText } from '../../shell/utilities/errno-text.ts';

const THREAD = '80BB4E33E27F0000';

/** One line of OpenSSL's error stack (ERR_print_errors). */
export function errorStackLine(code: string, library: string, fn: string, reason: string, location: string, data = ''): string {
  return `${THREAD}:error:${code}:${library}:${fn}:${reason}:${location}:${data}`;
}

export type Loaded = { ok: true; text: string } | { ok: false; stderr: string };

/**
 * Reads `path` for OSSL_STORE loading of `what` ('private key', 'certificate',
 * 'CA certificate'); "-" or undefined reads stdin.
 */
export function loadForStore(ctx: ProgramContext, path: string | undefined, what: string): Loaded {
  if (path === undefined || path === '-') return { ok: true, text: ctx.stdin };
  const full = ctx.fs.resolve(ctx.cwd, path);
  if (ctx.fs.isDirectory(full)) return { ok: false, stderr: `Could not read ${what} from ${path}\n` };
  const text = ctx.fs.readFile(full);
  if (text !== undefined) return { ok: true, text };
  return {
    ok: false,
    stderr:
      `Could not open file or uri for loading ${what} from ${path}\n` +
      `${errorStackLine('16000069', 'STORE routines', 'ossl_store_get0_loader_int', 'unregistered scheme', '../crypto/store/store_register.c:237', 'scheme=file')}\n` +
      `${errorStackLine('80000002', 'system library', 'file_open', 'No such file or directory', '../providers/implementations/storemgmt/file_store.c:266', `calling stat(${path})`)}\n`,
  };
}

/** The BIO_new_file failure lines for `path` opened with `mode`. */
function bioFailure(path: string, mode: 'r' | 'w', code: FileSystemError['code']): string {
  const reason = errnoText(code);
  const bioReason = code === 'ENOENT' ? 'no such file' : 'system lib';
  return (
    `${errorStackLine('80000002', 'system library', 'BIO_new_file', reason, '../crypto/bio/bss_file.c:67', `calling fopen(${path}, ${mode})`)}\n` +
    `${errorStackLine('10000080', 'BIO routines', 'BIO_new_file', bioReason, '../crypto/bio/bss_file.c:75')}\n`
  );
}

/** Reads `path` through BIO_new_file (CSR input, -CAfile); "-" or undefined reads stdin. */
export function loadForBio(ctx: ProgramContext, path: string | undefined): Loaded {
  if (path === undefined || path === '-') return { ok: true, text: ctx.stdin };
  const full = ctx.fs.resolve(ctx.cwd, path);
  const text = ctx.fs.isDirectory(full) ? undefined : ctx.fs.readFile(full);
  if (text !== undefined) return { ok: true, text };
  const code = ctx.fs.isDirectory(full) ? 'EISDIR' : 'ENOENT';
  return { ok: false, stderr: `Can't open "${path}" for reading, ${errnoText(code)}\n${bioFailure(path, 'r', code)}` };
}

export type Written = { ok: true } | { ok: false; stderr: string };

function tryWrite(ctx: ProgramContext, path: string, content: string): FileSystemError['code'] | undefined {
  try {
    ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, path), content);
    return undefined;
  } catch (e) {
    if (e instanceof FileSystemError) return e.code;
    throw e;
  }
}

/** Writes an output file (bio_open_default): the message carries the error stack. */
export function writeOutput(ctx: ProgramContext, path: string, content: string): Written {
  const code = tryWrite(ctx, path, content);
  if (!code) return { ok: true };
  return { ok: false, stderr: `Can't open "${path}" for writing, ${errnoText(code)}\n${bioFailure(path, 'w', code)}` };
}

/** Writes a private key file (bio_open_owner): `<program>: Can't open ...` and no stack. */
export function writeKeyFile(ctx: ProgramContext, program: string, path: string, content: string): Written {
  const code = tryWrite(ctx, path, content);
  if (!code) return { ok: true };
  return { ok: false, stderr: `${program}: Can't open "${path}" for writing, ${errnoText(code)}\n` };
}

export function failure(stderr: string, stdout = '', exitCode = 1): CommandResult {
  return { stdout, stderr, exitCode };
}

/**
 * What OpenSSL prints when it needs a PEM pass phrase and stdin is no
 * terminal (`-aes256` without -passout, `req` without -nodes).
 */
export function passphraseFailure(): string {
  return (
    'Enter PEM pass phrase:\n' +
    `${errorStackLine('1400006B', 'UI routines', 'UI_process', 'processing error', '../crypto/ui/ui_lib.c:573', 'while reading strings')}\n` +
    `${errorStackLine('0480006D', 'PEM routines', 'PEM_def_callback', 'problems getting password', '../crypto/pem/pem_lib.c:62')}\n` +
    `${errorStackLine('07880109', 'common libcrypto routines', 'do_ui_passphrase', 'interrupted or cancelled', '../crypto/passphrase.c:184')}\n` +
    `${errorStackLine('1C80009F', 'Provider routines', 'p8info_to_encp8', 'unable to get passphrase', '../providers/implementations/encode_decode/encode_key2any.c:115')}\n`
  );
}
