/**
 * The `-subj` syntax of the openssl commands (apps/lib/apps.c parse_name,
 * OpenSSL 3.0): `/type0=value0/type1=value1`, `\` escapes the next character,
 * an unescaped `+` starts another member of a multi-valued RDN. Values are
 * checked the way X509_NAME_add_entry_by_NID checks them under
 * `string_mask = utf8only` (crypto/asn1/a_mbstr.c). The caller (the openssl
 * program) turns the diagnostics into OpenSSL's messages.
 */
import type { DistinguishedName, RelativeDistinguishedName } from './distinguished-name.ts';
import { attributeTypeByName } from './name-attributes.ts';

/** Skipped entries, which OpenSSL reports as warnings and goes on. */
export type SubjectWarning =
  | { kind: 'unknown-attribute'; type: string; multiValued: boolean }
  | { kind: 'empty-value'; type: string };

/** What stops the parse. */
export type SubjectError =
  | { kind: 'not-slash' }
  | { kind: 'missing-equals'; type: string }
  | { kind: 'trailing-escape' }
  | { kind: 'bad-value'; type: string; value: string; reason: 'string too long' | 'string too short' | 'illegal characters'; limit?: number };

export interface SubjectParse {
  name?: DistinguishedName;
  warnings: SubjectWarning[];
  error?: SubjectError;
}

export interface SubjectOptions {
  /** `-utf8`: take the text as UTF-8; otherwise every byte is one character (MBSTRING_ASC). */
  utf8?: boolean;
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** Bytes of the argument as the C program sees them, one character each unless `utf8`. */
function asCharacters(value: string, utf8: boolean): string {
  return utf8 ? value : Buffer.from(value, 'utf8').toString('latin1');
}

export function parseOpensslSubject(text: string, options: SubjectOptions = {}): SubjectParse {
  const warnings: SubjectWarning[] = [];
  if (!text.startsWith('/')) return { warnings, error: { kind: 'not-slash' } };
  const name: DistinguishedName = [];
  let i = 1;
  let nextIsMulti = false;
  while (i < text.length) {
    const multiValued = nextIsMulti;
    nextIsMulti = false;
    let type = '';
    while (i < text.length && text[i] !== '=') type += text[i++];
    if (i >= text.length) return { warnings, error: { kind: 'missing-equals', type } };
    i++;
    let value = '';
    while (i < text.length && text[i] !== '/') {
      if (text[i] === '+') {
        nextIsMulti = true;
        break;
      }
      if (text[i] === '\\') {
        i++;
        if (i >= text.length) return { warnings, error: { kind: 'trailing-escape' } };
      }
      value += text[i++];
    }
    if (i < text.length) i++;
    const attributeType = attributeTypeByName(type);
    if (!attributeType) {
      warnings.push({ kind: 'unknown-attribute', type, multiValued });
      continue;
    }
    if (value === '') {
      warnings.push({ kind: 'empty-value', type });
      continue;
    }
    const characters = asCharacters(value, options.utf8 === true);
    const length = [...characters].length;
    const stringType = attributeType.opensslStringType;
    const min = attributeType.shortName === 'C' ? 2 : 1;
    const bad = (reason: 'string too long' | 'string too short' | 'illegal characters', limit?: number): SubjectParse => ({
      warnings,
      error: { kind: 'bad-value', type, value, reason, limit },
    });
    if (length < min) return bad('string too short', min);
    if (attributeType.maxLength !== undefined && length > attributeType.maxLength) return bad('string too long', attributeType.maxLength);
    if (stringType === 'printable' && !PRINTABLE.test(characters)) return bad('illegal characters');
    if (stringType === 'ia5' && /[^\x00-\x7f]/.test(characters)) return bad('illegal characters');
    const attribute = { oid: attributeType.oid, value: characters, stringType };
    const last: RelativeDistinguishedName | undefined = name[name.length - 1];
    if (multiValued && last) last.push(attribute);
    else name.push([attribute]);
  }
  return { name, warnings };
}
