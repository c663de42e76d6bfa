/**
 * The messages OpenSSL 3.0's apps print for a `-subj` argument
 * (apps/lib/apps.c parse_name; the ASN.1 errors of crypto/asn1/a_mbstr.c),
 * each checked with OpenSSL 3.0.19 on this machine.
 */
import type { SubjectError, SubjectWarning } from '../../tls/openssl-subject.ts';
import { errorStackLine } from './openssl-files.ts';

export function subjectWarningText(program: string, warning: SubjectWarning): string {
  if (warning.kind === 'empty-value') return `${program} warning: No value provided for subject name attribute "${warning.type}", skipped\n`;
  const hint = warning.multiValued
    ? `${program} hint: a '+' in a value string needs be escaped using '\\' else a new member of a multi-valued RDN is expected\n`
    : '';
  return `${program} warning: Skipping unknown subject name attribute "${warning.type}"\n${hint}`;
}

export function subjectErrorText(program: string, subject: string, error: SubjectError): string {
  switch (error.kind) {
    case 'not-slash':
      return `${program}: subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: '${subject}'\n`;
    case 'missing-equals':
      return `${program}: Missing '=' after RDN type string '${error.type}' in subject name string\n`;
    case 'trailing-escape':
      return `${program}: Escape character at end of subject name string\n`;
    case 'bad-value': {
      const stack =
        error.reason === 'string too long'
          ? errorStackLine('06800097', 'asn1 encoding routines', 'ASN1_mbstring_ncopy', 'string too long', '../crypto/asn1/a_mbstr.c:106', `maxsize=${error.limit}`)
          : error.reason === 'string too short'
            ? errorStackLine('06800098', 'asn1 encoding routines', 'ASN1_mbstring_ncopy', 'string too short', '../crypto/asn1/a_mbstr.c:100', `minsize=${error.limit}`)
            : errorStackLine('0680007C', 'asn1 encoding routines', 'ASN1_mbstring_ncopy', 'illegal characters', '../crypto/asn1/a_mbstr.c:113');
      return `${stack}\n${program}: Error adding subject name attribute "/${error.type}=${error.value}"\n`;
    }
  }
}
