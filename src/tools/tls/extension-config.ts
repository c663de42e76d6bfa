/**
 * X.509 v3 extensions from OpenSSL configuration values (crypto/x509/v3_conf.c
 * and the v2i functions of v3_bcons.c, v3_bitst.c, v3_extku.c, v3_san.c,
 * v3_skid.c, v3_akid.c): what `req -addext`, `req -x509`'s v3_ca section and
 * `x509 -extfile` produce. Only the extensions and forms tutorials use:
 * subjectAltName (DNS, IP, email, URI, `@section`), basicConstraints, keyUsage,
 * extendedKeyUsage, subjectKeyIdentifier=hash, authorityKeyIdentifier=keyid.
 */
import {
  authorityKeyIdentifierExtension,
  basicConstraintsExtension,
  EXTENDED_KEY_USAGES,
  extendedKeyUsageExtension,
  KEY_USAGES,
  keyUsageExtension,
  subjectAltNameExtension,
  subjectKeyIdentifierExtension,
  type AlternativeName,
  type CertificateExtension,
  type KeyUsageName,
} from '../../tls/extensions.ts';
import { ipAddressBytes } from '../../tls/ip-address.ts';
import type { ConfigSections } from './openssl-config.ts';
import { errorStackLine } from './openssl-files.ts';

export interface ExtensionContext {
  /** The certificate's own key identifier, for `subjectKeyIdentifier=hash` (a function: a syntax check has no key yet). */
  subjectKeyId: () => Uint8Array;
  /** The issuer's subject key identifier, for `authorityKeyIdentifier=keyid`; undefined when it has none. */
  issuerKeyId?: Uint8Array;
}

export type ExtensionsBuilt = { ok: true; extensions: CertificateExtension[] } | { ok: false; stack: string[] };

/** OpenSSL's short names of extended key usages (objects.txt). */
const PURPOSES: Record<string, string> = {
  serverAuth: EXTENDED_KEY_USAGES.serverAuth,
  clientAuth: EXTENDED_KEY_USAGES.clientAuth,
  codeSigning: EXTENDED_KEY_USAGES.codeSigning,
  emailProtection: EXTENDED_KEY_USAGES.emailProtection,
  ipsecEndSystem: EXTENDED_KEY_USAGES.ipsecEndSystem,
  ipsecTunnel: EXTENDED_KEY_USAGES.ipsecTunnel,
  ipsecUser: EXTENDED_KEY_USAGES.ipsecUser,
  timeStamping: EXTENDED_KEY_USAGES.timeStamping,
  OCSPSigning: EXTENDED_KEY_USAGES.ocspSigning,
  anyExtendedKeyUsage: EXTENDED_KEY_USAGES.anyExtendedKeyUsage,
  msSGC: EXTENDED_KEY_USAGES.microsoftServerGatedCrypto,
  nsSGC: EXTENDED_KEY_USAGES.netscapeServerGatedCrypto,
};

class ExtensionValueError extends Error {
  constructor(readonly stackLine?: string) {
    super('bad extension value');
  }
}

/** `critical,` in front of a value (v3_conf.c v3_check_critical). */
function splitCritical(value: string): { critical: boolean; body: string } {
  const m = /^critical\s*,\s*/.exec(value);
  return m ? { critical: true, body: value.slice(m[0].length) } : { critical: false, body: value };
}

const items = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

function alternativeNames(body: string, sections: ConfigSections): AlternativeName[] {
  const entries: Array<[string, string]> = [];
  for (const item of items(body)) {
    if (item.startsWith('@')) {
      for (const [name, value] of sections.get(item.slice(1)) ?? []) entries.push([name.replace(/\.\d+$/, ''), value]);
    } else {
      const colon = item.indexOf(':');
      entries.push([item.slice(0, colon), item.slice(colon + 1)]);
    }
  }
  return entries.map(([type, value]): AlternativeName => {
    switch (type) {
      case 'DNS':
        return { type: 'dns', value };
      case 'IP': {
        const bytes = ipAddressBytes(value);
        if (!bytes) throw new ExtensionValueError(errorStackLine('11000076', 'X509 V3 routines', 'a2i_GENERAL_NAME', 'bad ip address', '../crypto/x509/v3_san.c:585', `value=${value}`));
        return { type: 'ip', bytes };
      }
      case 'email':
        return { type: 'email', value };
      case 'URI':
        return { type: 'uri', value };
      default:
        throw new ExtensionValueError(errorStackLine('11000075', 'X509 V3 routines', 'v2i_GENERAL_NAME_ex', 'unsupported option', '../crypto/x509/v3_san.c:532', `name=${type}`));
    }
  });
}

function oneExtension(name: string, value: string, sections: ConfigSections, context: ExtensionContext): CertificateExtension | 'unknown' {
  const { critical, body } = splitCritical(value);
  switch (name) {
    case 'subjectAltName':
      return subjectAltNameExtension(alternativeNames(body, sections), critical);
    case 'basicConstraints': {
      let ca = false;
      let pathLength: number | undefined;
      for (const item of items(body)) {
        const [k, v] = item.split(':').map((s) => s.trim());
        if (k === 'CA') ca = /^(TRUE|true|Y|y|YES|yes)$/.test(v);
        else if (k === 'pathlen') pathLength = Number(v);
        else throw new ExtensionValueError();
      }
      return basicConstraintsExtension({ ca, pathLength, critical });
    }
    case 'keyUsage': {
      const usages: KeyUsageName[] = [];
      for (const item of items(body)) {
        if (!(KEY_USAGES as readonly string[]).includes(item)) {
          throw new ExtensionValueError(errorStackLine('1100006F', 'X509 V3 routines', 'v2i_ASN1_BIT_STRING', 'unknown bit string argument', '../crypto/x509/v3_bitst.c:82', item));
        }
        usages.push(item as KeyUsageName);
      }
      return keyUsageExtension(usages, critical);
    }
    case 'extendedKeyUsage':
      return extendedKeyUsageExtension(
        items(body).map((item) => {
          const oid = PURPOSES[item] ?? (/^\d+(\.\d+)+$/.test(item) ? item : undefined);
          if (!oid) throw new ExtensionValueError();
          return oid;
        }),
        critical,
      );
    case 'subjectKeyIdentifier':
      return subjectKeyIdentifierExtension(context.subjectKeyId());
    case 'authorityKeyIdentifier':
      if (!context.issuerKeyId) throw new ExtensionValueError();
      return authorityKeyIdentifierExtension(context.issuerKeyId);
    default:
      return 'unknown';
  }
}

/**
 * The extensions of section `section`, in order; an entry for an extension
 * already made replaces it in place (as `-addext basicConstraints=...` replaces
 * v3_ca's). Failures carry OpenSSL's error-stack lines.
 */
export function extensionsFromConfig(
  sections: ConfigSections,
  section: string,
  context: ExtensionContext,
  base: readonly CertificateExtension[] = [],
): ExtensionsBuilt {
  const out = [...base];
  for (const [name, value] of sections.get(section) ?? []) {
    const inExtension = errorStackLine('11000080', 'X509 V3 routines', 'X509V3_EXT_nconf_int', 'error in extension', '../crypto/x509/v3_conf.c:48', `section=${section}, name=${name}, value=${value}`);
    let made: CertificateExtension | 'unknown';
    try {
      made = oneExtension(name, value, sections, context);
    } catch (e) {
      if (!(e instanceof ExtensionValueError)) throw e;
      return { ok: false, stack: [...(e.stackLine ? [e.stackLine] : []), inExtension] };
    }
    if (made === 'unknown') {
      return { ok: false, stack: [errorStackLine('11000082', 'X509 V3 routines', 'do_ext_nconf', 'unknown extension name', '../crypto/x509/v3_conf.c:88'), inExtension] };
    }
    const at = out.findIndex((e) => e.oid === made.oid);
    if (at >= 0) out[at] = made;
    else out.push(made);
  }
  return { ok: true, extensions: out };
}

/** A context for checking the syntax of extension values before any key exists (X509V3_set_ctx_test). */
export const SYNTAX_CHECK_CONTEXT: ExtensionContext = { subjectKeyId: () => new Uint8Array(20), issuerKeyId: new Uint8Array(20) };

/** The v3_ca section of Debian's /etc/ssl/openssl.cnf, which `req -x509` applies. */
export const V3_CA_SECTION: Array<[string, string]> = [
  ['subjectKeyIdentifier', 'hash'],
  ['authorityKeyIdentifier', 'keyid:always,issuer'],
  ['basicConstraints', 'critical,CA:true'],
];

