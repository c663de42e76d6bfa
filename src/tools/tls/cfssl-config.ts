/**
 * cfssl's signing configuration (config/config.go of cfssl 1.2): profiles of
 * usages and expiry, loaded as LoadConfig does (unmarshal, parse each
 * profile's expiry, validate), and the built-in policies: DefaultConfig for
 * `gencert -ca` without -config (8760h; signing, key encipherment, server and
 * client auth) and initca's CA policy (43800h; cert sign, crl sign).
 */
import { EXTENDED_KEY_USAGES, type KeyUsageName } from '../../tls/extensions.ts';
import { parseGoDuration } from './go-duration.ts';
import { decodeGoJson, goBool, goString, type GoType } from './go-json.ts';

const PROFILE_TYPE: Extract<GoType, { kind: 'struct' }> = {
  kind: 'struct',
  name: 'config.SigningProfile',
  fields: {
    usages: { kind: 'slice', of: goString },
    expiry: goString,
    backdate: goString,
    is_ca: goBool,
    ocsp_url: goString,
    crl_url: goString,
    issuer_urls: { kind: 'slice', of: goString },
    remote: goString,
    auth_key: goString,
  },
};

const CONFIG_TYPE: Extract<GoType, { kind: 'struct' }> = {
  kind: 'struct',
  name: 'config.Config',
  fields: { signing: { kind: 'struct', name: 'config.Signing', fields: { profiles: { kind: 'map', of: PROFILE_TYPE }, default: PROFILE_TYPE } } },
};

export interface SigningProfile {
  usages: string[];
  /** Milliseconds. */
  expiry: number;
  /** Milliseconds; 0 means cfssl's 5 minutes. */
  backdate: number;
}

export interface SigningPolicy {
  defaultProfile: SigningProfile;
  profiles: Map<string, SigningProfile>;
}

const HOUR = 3_600_000;

export const DEFAULT_POLICY: SigningPolicy = {
  defaultProfile: { usages: ['signing', 'key encipherment', 'server auth', 'client auth'], expiry: 8760 * HOUR, backdate: 0 },
  profiles: new Map(),
};

export function caPolicy(expiry = 43800 * HOUR): SigningPolicy {
  return { defaultProfile: { usages: ['cert sign', 'crl sign'], expiry, backdate: 0 }, profiles: new Map() };
}

/** config.KeyUsage and config.ExtKeyUsage. */
const KEY_USAGES: Record<string, KeyUsageName> = {
  signing: 'digitalSignature',
  'digital signature': 'digitalSignature',
  'content committment': 'nonRepudiation',
  'key encipherment': 'keyEncipherment',
  'key agreement': 'keyAgreement',
  'data encipherment': 'dataEncipherment',
  'cert sign': 'keyCertSign',
  'crl sign': 'cRLSign',
  'encipher only': 'encipherOnly',
  'decipher only': 'decipherOnly',
};
const EXT_KEY_USAGES: Record<string, string> = {
  any: EXTENDED_KEY_USAGES.anyExtendedKeyUsage,
  'server auth': EXTENDED_KEY_USAGES.serverAuth,
  'client auth': EXTENDED_KEY_USAGES.clientAuth,
  'code signing': EXTENDED_KEY_USAGES.codeSigning,
  'email protection': EXTENDED_KEY_USAGES.emailProtection,
  's/mime': EXTENDED_KEY_USAGES.emailProtection,
  'ipsec end system': EXTENDED_KEY_USAGES.ipsecEndSystem,
  'ipsec tunnel': EXTENDED_KEY_USAGES.ipsecTunnel,
  'ipsec user': EXTENDED_KEY_USAGES.ipsecUser,
  timestamping: EXTENDED_KEY_USAGES.timeStamping,
  'ocsp signing': EXTENDED_KEY_USAGES.ocspSigning,
  'microsoft sgc': EXTENDED_KEY_USAGES.microsoftServerGatedCrypto,
  'netscape sgc': EXTENDED_KEY_USAGES.netscapeServerGatedCrypto,
};

/** SigningProfile.Usages: key usages, extended key usages (in the profile's order) and the names neither knows. */
export function profileUsages(profile: SigningProfile): { keyUsages: KeyUsageName[]; extendedKeyUsages: string[]; unknown: string[] } {
  const keyUsages: KeyUsageName[] = [];
  const extendedKeyUsages: string[] = [];
  const unknown: string[] = [];
  for (const usage of profile.usages) {
    if (KEY_USAGES[usage]) keyUsages.push(KEY_USAGES[usage]);
    else if (EXT_KEY_USAGES[usage]) extendedKeyUsages.push(EXT_KEY_USAGES[usage]);
    else unknown.push(usage);
  }
  return { keyUsages, extendedKeyUsages, unknown };
}

/** The profile `name` asks for; the default one when it names none or an unknown one (signer.Profile). */
export function profileNamed(policy: SigningPolicy, name: string | undefined): SigningProfile {
  return (name && policy.profiles.get(name)) || policy.defaultProfile;
}

/** cferr's JSON form of an error, which cfssl prints. */
export function cfsslError(code: number, message: string): string {
  return JSON.stringify({ code, message });
}

interface RawProfile {
  usages?: string[];
  expiry?: string;
  backdate?: string;
  remote?: string;
}

/** LoadConfig: the policy, or the error text that follows "Failed to load config file: ". */
export function loadSigningConfig(text: string): { ok: true; policy: SigningPolicy } | { ok: false; error: string } {
  const decoded = decodeGoJson(text, CONFIG_TYPE);
  if (!decoded.ok) return { ok: false, error: cfsslError(5200, `failed to unmarshal configuration: ${decoded.error}`) };
  const raw = decoded.value as { signing?: { default?: RawProfile; profiles?: Record<string, RawProfile> } };
  if (!raw.signing) return { ok: false, error: 'No "signing" field present' };
  const populate = (p: RawProfile): SigningProfile | string => {
    if (!p.expiry) return cfsslError(5200, 'empty expiry string');
    const expiry = parseGoDuration(p.expiry);
    if (!expiry.ok) return cfsslError(5200, expiry.error);
    let backdate = 0;
    if (p.backdate) {
      const parsed = parseGoDuration(p.backdate);
      if (!parsed.ok) return cfsslError(5200, parsed.error);
      backdate = parsed.ms;
    }
    return { usages: p.usages ?? [], expiry: expiry.ms, backdate };
  };
  let defaultProfile = DEFAULT_POLICY.defaultProfile;
  if (raw.signing.default) {
    const made = populate(raw.signing.default);
    if (typeof made === 'string') return { ok: false, error: made };
    defaultProfile = made;
  }
  const profiles = new Map<string, SigningProfile>();
  for (const [name, p] of Object.entries(raw.signing.profiles ?? {})) {
    const made = populate(p ?? {});
    if (typeof made === 'string') return { ok: false, error: made };
    profiles.set(name, made);
  }
  // Signing.Valid, after every profile is read: no zero expiry (seen with cfssl 1.2: "0" is refused),
  // and a named local profile needs a usage cfssl knows.
  if ([defaultProfile, ...profiles.values()].some((p) => p.expiry === 0)) return { ok: false, error: cfsslError(5200, 'invalid configuration') };
  for (const profile of profiles.values()) {
    if (profile.usages.length === 0 || profileUsages(profile).unknown.length === profile.usages.length) return { ok: false, error: cfsslError(5200, 'invalid configuration') };
  }
  return { ok: true, policy: { defaultProfile, profiles } };
}
