/**
 * Keeps secrets out of reports: everything written into a report (failure
 * messages, attachments, logs) passes through redact(). It removes private
 * keys in PEM form and base64 of PEM, the values of a Secret's data in the
 * YAML and JSON kubectl prints, and kubeconfig credentials. Certificates stay:
 * they are public and tutorials inspect them.
 */

const REDACTED = '[REDACTED]';

/** PEM blocks whose type names a private key: RSA, EC, PKCS#8, encrypted. */
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?(?:-----END \1-----|$)/g;

/** base64 of "-----BEGIN " is "LS0tLS1CRUdJTi"; a private key's encoding continues with the key type. */
const BASE64_PEM = /LS0tLS1CRUdJTi[A-Za-z0-9+/=\s]{20,}/g;

/** kubeconfig credentials. */
const KUBECONFIG_CREDENTIAL = /^(\s*(?:client-key-data|client-certificate-data|token|password|id-token|refresh-token|access-token)\s*:\s*)(\S.*)$/gm;

function decodesToPrivateKey(b64: string): boolean {
  const decoded = Buffer.from(b64.replace(/\s+/g, ''), 'base64').toString('latin1');
  return /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(decoded);
}

/** Secret data in YAML: the indented lines under a top-level `data:` / `stringData:` of a `kind: Secret` document. */
function redactSecretYaml(text: string): string {
  const docs = text.split(/^(?=---\s*$)/m);
  return docs
    .map((doc) => {
      if (!/^kind:\s*Secret\s*$/m.test(doc) && !/^\s*-?\s*kind:\s*Secret\s*$/m.test(doc)) return doc;
      return doc.replace(/^(\s*)(data|stringData):\s*\n((?:\1[ ]+\S.*\n?)+)/gm, (_whole, indent: string, key: string, body: string) => {
        const lines = body
          .split('\n')
          .map((line) => line.replace(/^(\s+[^:\s][^:]*:\s*)(\S.*)$/, `$1${REDACTED}`))
          .join('\n');
        return `${indent}${key}:\n${lines}`;
      });
    })
    .join('');
}

/** Secret data in JSON: `"data": { "k": "v", ... }` inside an object of `"kind": "Secret"`. */
function redactSecretJson(text: string): string {
  if (!/"kind":\s*"Secret"/.test(text)) return text;
  return text.replace(/("(?:data|stringData)"\s*:\s*\{)([^{}]*)(\})/g, (_whole, open: string, body: string, close: string) => {
    return open + body.replace(/("[^"]+"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${REDACTED}"`) + close;
  });
}

export function redact(text: string): string {
  let out = text.replace(PEM_PRIVATE_KEY, (_m, type: string) => `-----BEGIN ${type}-----\n${REDACTED}\n-----END ${type}-----`);
  out = out.replace(BASE64_PEM, (m) => (decodesToPrivateKey(m) ? REDACTED : m));
  out = out.replace(KUBECONFIG_CREDENTIAL, `$1${REDACTED}`);
  out = redactSecretYaml(out);
  out = redactSecretJson(out);
  return out;
}
