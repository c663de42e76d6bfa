/**
 * The TLS part of an https:// transfer as curl shows it: the handshake
 * messages -v prints around the certificate check (OpenSSL's message
 * callback in lib/vtls/openssl.c), the certificate verdict from src/tls
 * (checkServerCertificate: chain, host name, the `Server certificate:` block)
 * and the errors that stop the transfer (35 for a port that speaks no TLS,
 * 60 for a certificate curl will not trust, 77 for an unreadable --cacert).
 *
 * 7.88.1 (TLS 1.3, OpenSSL 3.0) is the recorded form (testdata/curl-7.88.1.*):
 * `{ [N bytes data]` lines appear only when stderr is not a terminal. The
 * Certificate message is 13 bytes longer than the certificate's DER (a single
 * certificate; checked with the recorded 817-byte certificate, 830 bytes).
 * Legacy 7.3x (OpenSSL 1.0.1, TLS 1.2) and 8.x lines follow those versions'
 * lib/vtls/openssl.c; they were not recorded here (UNCONFIRMED).
 */
import { decodePem } from '../../tls/pem.ts';
import { checkServerCertificate, CURL_PEER_VERIFICATION_HELP } from '../../tls/curl-server-certificate.ts';
import type { TlsIdentity } from '../../kubelet/runtime/listener.ts';
import type { CurlBuild } from './curl-builds.ts';
import { curlMessages } from './curl-messages.ts';

export interface CurlTlsInput {
  build: CurlBuild;
  host: string;
  port: number;
  speaksTls: boolean;
  /** What the server presents for the URL's host (SNI). */
  identity?: TlsIdentity;
  insecure: boolean;
  /** --cacert: its path and text (undefined text: the file is missing). */
  caCert?: { path: string; pem: string | undefined };
  /** Whether -v shows `{ [N bytes data]` lines (stderr is not a terminal). */
  showData: boolean;
  nowMs: number;
}

export type CurlTlsOutcome =
  | { ok: true; verbose: string[]; afterRequest: string[] }
  | { ok: false; verbose: string[]; exitCode: 35 | 60 | 77; error: string; trailer?: string };

/** Debian's default CA store, which holds no cluster CA. */
const SYSTEM_CA_FILE = '/etc/ssl/certs/ca-certificates.crt';
const SYSTEM_CA_PATH = '/etc/ssl/certs';

function derLength(pem: string): number {
  return decodePem(pem).filter((b) => b.label === 'CERTIFICATE').reduce((n, b) => n + b.der.length + 5, 8);
}

export async function curlTlsHandshake(input: CurlTlsInput): Promise<CurlTlsOutcome> {
  const { build } = input;
  const data = (direction: 'in' | 'out', bytes: number) => (input.showData ? [`${direction === 'in' ? '{' : '}'} [${bytes} bytes data]`] : []);
  if (input.caCert && input.caCert.pem === undefined && !input.insecure) {
    return { ok: false, verbose: [], exitCode: 77, error: `error setting certificate file: ${input.caCert.path}` };
  }
  const legacy = build.era === 'legacy';
  const v: string[] = [];
  if (legacy) {
    v.push('* successfully set certificate verify locations:', `*   CAfile: ${input.insecure ? 'none' : input.caCert?.path ?? 'none'}`, `  CApath: ${SYSTEM_CA_PATH}`, '* SSLv3, TLS handshake, Client hello (1):');
  } else {
    v.push(build.era === '8' ? '* ALPN: curl offers h2,http/1.1' : '* ALPN: offers h2,http/1.1', ...data('out', 5), '* TLSv1.3 (OUT), TLS handshake, Client hello (1):', ...data('out', 512));
    if (!input.insecure) v.push(`*  CAfile: ${input.caCert?.path ?? SYSTEM_CA_FILE}`, `*  CApath: ${SYSTEM_CA_PATH}`);
    v.push(...data('in', 5));
  }
  if (!input.speaksTls) {
    const error = curlMessages.notTls(build);
    return { ok: false, verbose: [...v, `* ${error}`], exitCode: 35, error };
  }
  const chain = input.identity?.certificate ?? '';
  const report = await checkServerCertificate({ serverChainPem: chain, caBundlePem: input.caCert?.pem, host: input.host, insecure: input.insecure, port: input.port, now: input.nowMs });
  const certificateBytes = chain ? derLength(chain) : 0;
  if (legacy) v.push('* SSLv3, TLS handshake, Server hello (2):', '* SSLv3, TLS handshake, CERT (11):');
  else v.push('* TLSv1.3 (IN), TLS handshake, Server hello (2):', ...data('in', 122), '* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):', ...data('in', 6), '* TLSv1.3 (IN), TLS handshake, Certificate (11):', ...data('in', certificateBytes));
  const verbose = report.verbose.map((line) => (legacy ? legacyLine(line) : line));
  if (report.failure) {
    const message = legacy ? legacyText(report.failure.message) : report.failure.message;
    const alert = report.failure.tlsAlert && !legacy ? [`* TLSv1.3 (OUT), TLS alert, ${report.failure.tlsAlert}:`, ...data('out', 2)] : [];
    const closeNotify = !report.failure.tlsAlert && !legacy && report.failure.exitCode === 60 ? ['* TLSv1.3 (OUT), TLS alert, close notify (256):', ...data('out', 2)] : [];
    // A chain failure happens inside the handshake (its alert first); a host name failure after it.
    const lines = report.failure.tlsAlert ? [...v, ...alert, ...verbose] : [...v, ...handshakeEnd(build, data), ...verbose, ...closeNotify];
    return { ok: false, verbose: lines, exitCode: report.failure.exitCode, error: message, trailer: report.failure.exitCode === 60 ? CURL_PEER_VERIFICATION_HELP : undefined };
  }
  const afterRequest = legacy ? [] : [...data('in', 5), '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):', ...data('in', 233), '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):', ...data('in', 233), '* old SSL session ID is stale, removing', ...data('in', 5)];
  return { ok: true, verbose: [...v, ...handshakeEnd(build, data), ...verbose, ...(legacy ? [] : ['* using HTTP/1.x', ...data('out', 5)])], afterRequest };
}

function handshakeEnd(build: CurlBuild, data: (d: 'in' | 'out', n: number) => string[]): string[] {
  if (build.era === 'legacy') {
    return [
      '* SSLv3, TLS handshake, Server key exchange (12):',
      '* SSLv3, TLS handshake, Server finished (14):',
      '* SSLv3, TLS handshake, Client key exchange (16):',
      '* SSLv3, TLS change cipher, Client hello (1):',
      '* SSLv3, TLS handshake, Finished (20):',
      '* SSLv3, TLS change cipher, Client hello (1):',
      '* SSLv3, TLS handshake, Finished (20):',
      '* SSL connection using ECDHE-RSA-AES256-GCM-SHA384',
    ];
  }
  return [
    '* TLSv1.3 (IN), TLS handshake, CERT verify (15):',
    ...data('in', 264),
    '* TLSv1.3 (IN), TLS handshake, Finished (20):',
    ...data('in', 52),
    '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):',
    ...data('out', 1),
    '* TLSv1.3 (OUT), TLS handshake, Finished (20):',
    ...data('out', 52),
    build.era === '8' ? '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / RSASSA-PSS' : '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384',
    // nginx answers ALPN with http/1.1 when it has no http2 listener.
    '* ALPN: server accepted http/1.1',
  ];
}

/** OpenSSL 1.0's texts lacked the hyphen in "self signed"; curl 7.3x indented the certificate block with a tab. */
function legacyText(text: string): string {
  return text.replace(/self-signed/g, 'self signed');
}

function legacyLine(line: string): string {
  return legacyText(line).replace(/^\*  /, '* \t ');
}
