/**
 * Certificate chain verification as OpenSSL 3.0's X509_verify_cert does it
 * (crypto/x509/x509_vfy.c): build a chain from the presented certificates up
 * to a trusted one (trusted issuers first, X509_V_FLAG_TRUSTED_FIRST), then
 * check CA markings and the purpose (check_chain_extensions,
 * crypto/x509/v3_purp.c), then signatures and validity times from the top down
 * (internal_verify). Each error goes to the verify callback: curl has none, so
 * the first error ends verification; `openssl verify` goes on after some
 * (apps/verify.c cb). Time is the caller's clock, in whole seconds.
 */
import type { Certificate } from './certificate.ts';
import { sameName } from './distinguished-name.ts';
import { EXTENDED_KEY_USAGES } from './extensions.ts';
import { VERIFY_ERRORS, type VerifyError } from './verify-errors.ts';

export interface ChainError {
  error: VerifyError;
  /** 0 for the first presented certificate, counting up the chain. */
  depth: number;
}

export interface ChainVerificationOptions {
  /** X509_V_FLAG_PARTIAL_CHAIN (curl sets it): any trusted certificate anchors the chain, self-signed or not. */
  partialChain: boolean;
  /** 'sslServer': the leaf must be fit for a TLS server (X509_PURPOSE_SSL_SERVER, as a TLS client sets). */
  purpose?: 'sslServer';
  /** The verify callback: whether to go on after `error`; never, when absent. */
  continueAfter?: (error: ChainError) => boolean;
}

export interface ChainVerificationResult {
  /** The chain built, leaf first. */
  chain: Certificate[];
  /** Errors reported to the callback, in order; empty when the chain verifies. */
  errors: ChainError[];
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** X509_check_akid: the key identifiers agree when both are present. */
function keyIdentifiersAgree(subject: Certificate, issuer: Certificate): boolean {
  const aki = subject.authorityKeyIdentifier;
  const ski = issuer.subjectKeyIdentifier;
  return !aki || !ski || sameBytes(aki, ski);
}

/** Issued by itself: subject and issuer names equal and the key identifiers agree (EXFLAG_SI). */
export function isSelfIssued(cert: Certificate): boolean {
  return sameName(cert.subject, cert.issuer) && keyIdentifiersAgree(cert, cert);
}

/**
 * Whether `issuer` is taken as the issuer of `subject` while building: names
 * and key identifiers agree. Whether it may act as a CA is checked after (a
 * non-CA issuer gives "invalid CA certificate", as curl 7.88.1 shows).
 */
function mayHaveIssued(issuer: Certificate, subject: Certificate): boolean {
  return sameName(issuer.subject, subject.issuer) && keyIdentifiersAgree(subject, issuer);
}

/** The issuer of `cert` among `candidates`, preferring one valid at `now` (as find_issuer does). */
function findIssuer(candidates: readonly Certificate[], cert: Certificate, now: number): Certificate | undefined {
  const possible = candidates.filter((c) => mayHaveIssued(c, cert));
  return possible.find((c) => c.notBefore <= now && now < c.notAfter) ?? possible[0];
}

/** X509_check_ca: may `cert` act as a CA. */
function isCa(cert: Certificate): boolean {
  const usage = cert.keyUsage;
  if (usage && !usage.includes('keyCertSign')) return false;
  const bc = cert.basicConstraints;
  if (bc) return bc.ca;
  if (cert.version === 1 && isSelfIssued(cert)) return true;
  return usage !== undefined;
}

/** check_purpose_ssl_server for the leaf: extended key usage and key usage allow a TLS server. */
function isTlsServerCertificate(cert: Certificate): boolean {
  const eku = cert.extendedKeyUsage;
  const serverPurposes: string[] = [
    EXTENDED_KEY_USAGES.serverAuth,
    EXTENDED_KEY_USAGES.microsoftServerGatedCrypto,
    EXTENDED_KEY_USAGES.netscapeServerGatedCrypto,
  ];
  if (eku && !eku.some((p) => serverPurposes.includes(p))) return false;
  const ku = cert.keyUsage;
  return !ku || ku.some((u) => u === 'digitalSignature' || u === 'keyEncipherment' || u === 'keyAgreement');
}

interface BuiltChain {
  chain: Certificate[];
  /** Index of the first trusted certificate; -1 when the chain is not anchored. */
  anchor: number;
  /** Whether an issuer came from the trusted store (then a missing issuer above it is error 2, not 20). */
  storeIssuer: boolean;
}

function buildChain(presented: readonly Certificate[], trusted: readonly Certificate[], now: number, partialChain: boolean): BuiltChain {
  const chain: Certificate[] = [presented[0]];
  const untrusted = presented.slice(1);
  let fromStore = -1;
  let storeIssuer = false;
  const inChain = (c: Certificate) => chain.some((x) => x.equals(c));
  for (;;) {
    const current = chain[chain.length - 1];
    if (fromStore < 0 && trusted.some((t) => t.equals(current)) && (partialChain || isSelfIssued(current))) fromStore = chain.length - 1;
    if (isSelfIssued(current)) break;
    const issuer = findIssuer(trusted, current, now);
    if (issuer && !inChain(issuer)) {
      chain.push(issuer);
      storeIssuer = true;
      if (fromStore < 0) fromStore = chain.length - 1;
      continue;
    }
    if (fromStore >= 0) break;
    const peer = findIssuer(untrusted, current, now);
    if (!peer || inChain(peer)) break;
    chain.push(peer);
  }
  const top = chain[chain.length - 1];
  // Without partial chains only a self-signed trusted certificate anchors.
  const anchored = fromStore >= 0 && (partialChain || isSelfIssued(top));
  return { chain, anchor: anchored ? fromStore : -1, storeIssuer };
}

/**
 * Verifies `presented` (leaf first, then the certificates sent along) against
 * `trusted` at `now` (milliseconds since the epoch).
 */
export async function verifyChain(
  presented: readonly Certificate[],
  trusted: readonly Certificate[],
  now: number,
  options: ChainVerificationOptions,
): Promise<ChainVerificationResult> {
  const { chain, anchor, storeIssuer } = buildChain(presented, trusted, now, options.partialChain);
  const errors: ChainError[] = [];
  /** Reports an error; true when verification stops. */
  const report = (error: VerifyError, depth: number): boolean => {
    errors.push({ error, depth });
    return !(options.continueAfter?.({ error, depth }) ?? false);
  };
  const done = () => ({ chain, errors });
  const top = chain.length - 1;
  if (anchor < 0) {
    const topCert = chain[top];
    let error: VerifyError;
    if (isSelfIssued(topCert)) error = top === 0 ? VERIFY_ERRORS.depthZeroSelfSignedCert : VERIFY_ERRORS.selfSignedCertInChain;
    else if (storeIssuer) error = VERIFY_ERRORS.unableToGetIssuerCert;
    else error = VERIFY_ERRORS.unableToGetIssuerCertLocally;
    if (report(error, top)) return done();
  }
  for (let i = 0; i < chain.length; i++) {
    if (i > 0 && !isCa(chain[i]) && report(VERIFY_ERRORS.invalidCa, i)) return done();
    if (i === 0 && options.purpose === 'sslServer' && !isTlsServerCertificate(chain[0]) && report(VERIFY_ERRORS.invalidPurpose, 0)) return done();
  }
  // OpenSSL compares whole seconds; X509_cmp_time treats the notAfter second itself as past.
  const seconds = Math.floor(now / 1000) * 1000;
  for (let i = top; i >= 0; i--) {
    const cert = chain[i];
    // The top certificate's own signature is not checked (no X509_V_FLAG_CHECK_SS_SIGNATURE).
    if (i < top && !(await cert.isSignedBy(chain[i + 1].spki)) && report(VERIFY_ERRORS.certSignatureFailure, i)) return done();
    if (seconds < cert.notBefore && report(VERIFY_ERRORS.certNotYetValid, i)) return done();
    if (seconds >= cert.notAfter && report(VERIFY_ERRORS.certHasExpired, i)) return done();
  }
  return done();
}

export type ChainVerification =
  | { ok: true; chain: Certificate[] }
  | { ok: false; error: VerifyError; depth: number; chain: Certificate[] };

/**
 * What a TLS client (curl) decides about the chain a server presents: partial
 * chains allowed, the leaf checked for the TLS server purpose, the first error final.
 */
export async function verifyServerChain(presented: readonly Certificate[], trusted: readonly Certificate[], now: number): Promise<ChainVerification> {
  const { chain, errors } = await verifyChain(presented, trusted, now, { partialChain: true, purpose: 'sslServer' });
  return errors.length === 0 ? { ok: true, chain } : { ok: false, ...errors[0], chain };
}
