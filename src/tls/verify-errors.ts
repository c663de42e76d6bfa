/**
 * The certificate verification errors our verifier reports, with OpenSSL's
 * numbers (include/openssl/x509_vfy.h) and texts (crypto/x509/x509_txt.c
 * X509_verify_cert_error_string, as in libcrypto 3.0.19 on this machine), and
 * the TLS alert a client sends for each (ssl/statem/statem_lib.c
 * ssl_x509err2alert), which curl -v prints as `TLS alert, unknown CA (560)`.
 */

export interface VerifyError {
  code: number;
  text: string;
  /** curl's rendering of the alert: description and 256 * level (fatal = 2) + number. */
  alert: string;
}

const UNKNOWN_CA = 'unknown CA (560)';

export const VERIFY_ERRORS = {
  unableToGetIssuerCert: { code: 2, text: 'unable to get issuer certificate', alert: UNKNOWN_CA },
  certSignatureFailure: { code: 7, text: 'certificate signature failure', alert: 'decrypt error (563)' },
  certNotYetValid: { code: 9, text: 'certificate is not yet valid', alert: 'bad certificate (554)' },
  certHasExpired: { code: 10, text: 'certificate has expired', alert: 'certificate expired (557)' },
  depthZeroSelfSignedCert: { code: 18, text: 'self-signed certificate', alert: UNKNOWN_CA },
  selfSignedCertInChain: { code: 19, text: 'self-signed certificate in certificate chain', alert: UNKNOWN_CA },
  unableToGetIssuerCertLocally: { code: 20, text: 'unable to get local issuer certificate', alert: UNKNOWN_CA },
  invalidCa: { code: 24, text: 'invalid CA certificate', alert: UNKNOWN_CA },
  invalidPurpose: { code: 26, text: 'unsuitable certificate purpose', alert: 'unsupported certificate (555)' },
} as const satisfies Record<string, VerifyError>;
