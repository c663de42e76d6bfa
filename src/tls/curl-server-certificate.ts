/**
 * What curl (7.88.1, as on Debian 12 and this machine; lib/vtls/openssl.c
 * ossl_connect_step2 and servercert) does with the certificate an HTTPS server
 * presents: verify the chain against the CA bundle (--cacert, or the system
 * store, which holds no cluster CA), check the host name, and print the
 * `Server certificate:` block of -v. With -k (--insecure) neither failure stops
 * the transfer: the chain result is printed as `continuing anyway` and the
 * host name is not checked; curl then loads no CA file at all, so even with
 * --cacert the result is an unknown issuer. A signature that does not verify
 * fails inside OpenSSL's RSA/EC code, which curl reports as a connect error
 * (35) with OpenSSL's error string. Every case was recorded with the real
 * curl (testdata/record-curl-goldens.ts).
 *
 * After a host name failure curl closes the connection, which -v shows as
 * `* TLSv1.3 (OUT), TLS alert, close notify (256):` before the `curl: (60)`
 * line: that line belongs to the connection, not to this report.
 *
 * The curl program calls `checkServerCertificate` and prints `verbose` among
 * its other -v lines; on `failure` it prints `curl: (60) <message>` and the
 * CURL_PEER_VERIFICATION_HELP text, and exits 60.
 */
import { formatAsn1Time } from './asn1-time.ts';
import { parseCertificatesPem } from './certificate.ts';
import { verifyServerChain, type ChainVerification } from './chain-verification.ts';
import { checkCertificateHost } from './host-verification.ts';
import { formatName } from './name-format.ts';
import { publicKeyDetails } from './public-key.ts';
import { VERIFY_ERRORS } from './verify-errors.ts';

export interface ServerCertificateInput {
  /** PEM the server presents: its certificate, then any chain certificates (e.g. a TLS Secret's tls.crt). */
  serverChainPem: string;
  /** PEM of the --cacert file; undefined when curl uses its default store. */
  caBundlePem?: string;
  /** The URL's host, without IPv6 brackets. */
  host: string;
  /** -k / --insecure. */
  insecure: boolean;
  /** The URL's port, for the message when the server presents nothing usable; 443 when not given. */
  port?: number;
  /** The clock's time, milliseconds since the epoch. */
  now: number;
}

export interface ServerCertificateReport {
  /** The -v lines, each with its `* ` prefix and without a newline. */
  verbose: string[];
  /** Set when the transfer stops on the certificate. */
  failure?: {
    exitCode: 35 | 60;
    /** What follows `curl: (60) `. */
    message: string;
    /** When the handshake itself failed: the alert curl -v shows as `* TLSv1.3 (OUT), TLS alert, <alert>:`. */
    tlsAlert?: string;
  };
}

/** What the curl tool prints after `curl: (60) ...` (src/tool_operate.c, curl 7.88). */
export const CURL_PEER_VERIFICATION_HELP =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

export async function checkServerCertificate(input: ServerCertificateInput): Promise<ServerCertificateReport> {
  const presented = parseCertificatesPem(input.serverChainPem);
  if (presented.length === 0) {
    // A server without a usable certificate fails the handshake (checked with curl 7.88.1; note the trailing space).
    return { verbose: [], failure: { exitCode: 35, message: `OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to ${input.host}:${input.port ?? 443} ` } };
  }
  const trusted = input.caBundlePem === undefined || input.insecure ? [] : parseCertificatesPem(input.caBundlePem);
  const verification = await verifyServerChain(presented, trusted, input.now);
  if (!verification.ok && !input.insecure) {
    const exitCode = verification.error === VERIFY_ERRORS.certSignatureFailure ? 35 : 60;
    const message = exitCode === 35 ? signatureFailureText(verification) : `SSL certificate problem: ${verification.error.text}`;
    return { verbose: [`* ${message}`], failure: { exitCode, message, tlsAlert: verification.error.alert } };
  }
  const leaf = presented[0];
  const verbose = [
    '* Server certificate:',
    `*  subject: ${formatName(leaf.subject, 'curl')}`,
    `*  start date: ${formatAsn1Time(leaf.notBefore)}`,
    `*  expire date: ${formatAsn1Time(leaf.notAfter)}`,
  ];
  if (!input.insecure) {
    const host = checkCertificateHost(leaf, input.host);
    verbose.push(...host.info.map((line) => `*  ${line}`));
    if (!host.ok) {
      verbose.push(`* ${host.message}`);
      return { verbose, failure: { exitCode: 60, message: host.message } };
    }
  }
  verbose.push(`*  issuer: ${formatName(leaf.issuer, 'curl')}`);
  verbose.push(
    verification.ok
      ? '*  SSL certificate verify ok.'
      : `*  SSL certificate verify result: ${verification.error.text} (${verification.error.code}), continuing anyway.`,
  );
  return { verbose };
}

/** The OpenSSL 3.0.19 error string curl reports when the issuer's key does not verify a signature. */
function signatureFailureText(verification: Extract<ChainVerification, { ok: false }>): string {
  const issuer = verification.chain[verification.depth + 1];
  const rsa = issuer !== undefined && publicKeyDetails(issuer.spki).algorithm === 'rsa';
  return rsa ? 'OpenSSL/3.0.19: error:0200008A:rsa routines::invalid padding' : 'OpenSSL/3.0.19: error:06880006:asn1 encoding routines::EVP lib';
}
