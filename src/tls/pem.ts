/**
 * PEM armour (RFC 7468) as OpenSSL reads and writes it: text outside the
 * BEGIN/END lines is ignored, the body is base64 in 64-character lines.
 */

export interface PemBlock {
  /** The label between `BEGIN ` and the dashes, e.g. `CERTIFICATE`, `RSA PRIVATE KEY`. */
  label: string;
  der: Uint8Array;
}

const BLOCK = /-----BEGIN ([^-\r\n]*)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** Every well-formed block in `text`, in order; headers such as `Proc-Type:` are skipped. */
export function decodePem(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const body = m[2]
      .split(/\r?\n/)
      .filter((line) => !line.includes(':'))
      .join('')
      .replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) continue;
    blocks.push({ label: m[1], der: new Uint8Array(Buffer.from(body, 'base64')) });
  }
  return blocks;
}

/** One PEM block, 64 base64 characters a line, ending with a newline (PEM_write_bio). */
export function encodePem(label: string, der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
