/**
 * Loading keys and certificates the way apps/lib/apps.c load_key and
 * load_cert do in OpenSSL 3.0: the file's failure messages, then "Could not
 * read <what> from <file>" when it holds no such object; load_cert adds
 * "Unable to load <what>", load_key does not (checked on OpenSSL 3.0.19).
 */
import type { ProgramContext } from '../../shell/types.ts';
import { parseCertificatesPem, type Certificate } from '../../tls/certificate.ts';
import { parsePrivateKeyPem, type PrivateKey } from '../../tls/private-key.ts';
import { decodePem } from '../../tls/pem.ts';
import { errorStackLine, loadForStore } from './openssl-files.ts';

export type Load<T> = { ok: true; value: T } | { ok: false; stderr: string };

/** `what`: 'private key', 'CA private key'. */
export function loadPrivateKey(ctx: ProgramContext, path: string | undefined, what: string): Load<PrivateKey> {
  const file = loadForStore(ctx, path, what);
  if (!file.ok) return file;
  const key = parsePrivateKeyPem(file.text);
  if (!key) return { ok: false, stderr: `Could not read ${what} from ${path ?? '<stdin>'}\n` };
  return { ok: true, value: key };
}

/** `what`: 'certificate', 'CA certificate'. */
export function loadCertificate(ctx: ProgramContext, path: string | undefined, what: string): Load<Certificate> {
  const file = loadForStore(ctx, path, what);
  if (!file.ok) return { ok: false, stderr: `${file.stderr}Unable to load ${what}\n` };
  const cert = parseCertificatesPem(file.text)[0];
  if (cert) return { ok: true, value: cert };
  // A PEM file of another kind (a key) leaves a STORE error on the stack; plain garbage does not.
  const otherPem = decodePem(file.text).length > 0;
  const stack = otherPem ? `${errorStackLine('1608010C', 'STORE routines', 'ossl_store_handle_load_result', 'unsupported', '../crypto/store/store_result.c:149')}\n` : '';
  return { ok: false, stderr: `Could not read ${what} from ${path ?? '<stdin>'}\n${stack}Unable to load ${what}\n` };
}
