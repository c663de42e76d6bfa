/**
 * `openssl req` without -subj asks for the name on the terminal, field by
 * field, from the req_distinguished_name section of Debian's
 * /etc/ssl/openssl.cnf (apps/req.c prompt_info / build_data, OpenSSL 3.0.19):
 * an empty answer takes the default, `.` leaves the field out; a request also
 * asks for the 'extra' attributes. Answers come from stdin, one a line.
 */
import type { DistinguishedName } from '../../tls/distinguished-name.ts';
import { attributeTypeByName } from '../../tls/name-attributes.ts';

interface Field {
  type: string;
  prompt: string;
  defaultValue: string;
  min?: number;
  max?: number;
}

const FIELDS: Field[] = [
  { type: 'C', prompt: 'Country Name (2 letter code)', defaultValue: 'AU', min: 2, max: 2 },
  { type: 'ST', prompt: 'State or Province Name (full name)', defaultValue: 'Some-State' },
  { type: 'L', prompt: 'Locality Name (eg, city)', defaultValue: '' },
  { type: 'O', prompt: 'Organization Name (eg, company)', defaultValue: 'Internet Widgits Pty Ltd' },
  { type: 'OU', prompt: 'Organizational Unit Name (eg, section)', defaultValue: '' },
  { type: 'CN', prompt: 'Common Name (e.g. server FQDN or YOUR name)', defaultValue: '', max: 64 },
  { type: 'emailAddress', prompt: 'Email Address', defaultValue: '', max: 64 },
];

const ATTRIBUTES: Field[] = [
  { type: 'challengePassword', prompt: 'A challenge password', defaultValue: '', min: 4, max: 20 },
  { type: 'unstructuredName', prompt: 'An optional company name', defaultValue: '' },
];

const HEADER =
  'You are about to be asked to enter information that will be incorporated\n' +
  'into your certificate request.\n' +
  'What you are about to enter is what is called a Distinguished Name or a DN.\n' +
  'There are quite a few fields but you can leave some blank\n' +
  'For some fields there will be a default value,\n' +
  "If you enter '.', the field will be left blank.\n" +
  '-----\n';

export interface PromptedName {
  /** The name; undefined when stdin ended before all answers (the command fails). */
  name?: DistinguishedName;
  /** The prompts and complaints written to stderr. */
  stderr: string;
}

/** Asks for every field; `request` adds the attribute prompts of a certificate request. */
export function promptDistinguishedName(stdin: string, request: boolean): PromptedName {
  const lines = stdin.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let stderr = HEADER;
  const name: DistinguishedName = [];
  const ask = (field: Field): string | undefined | null => {
    for (;;) {
      stderr += `${field.prompt} [${field.defaultValue}]:`;
      const answer = lines.shift();
      if (answer === undefined) return null;
      const value = answer === '' ? field.defaultValue : answer === '.' ? '' : answer;
      if (value === '') return undefined;
      const length = Buffer.byteLength(value, 'utf8');
      if (field.min !== undefined && length < field.min) stderr += `String too short, must be at least ${field.min} bytes long\n`;
      else if (field.max !== undefined && length > field.max) stderr += `String too long, must be at most ${field.max} bytes long\n`;
      else return value;
    }
  };
  for (const field of FIELDS) {
    const value = ask(field);
    if (value === null) return { stderr: `${stderr}Error making certificate request\n` };
    if (value === undefined) continue;
    const type = attributeTypeByName(field.type)!;
    name.push([{ oid: type.oid, value: Buffer.from(value, 'utf8').toString('latin1'), stringType: type.opensslStringType }]);
  }
  if (request) {
    stderr += "\nPlease enter the following 'extra' attributes\nto be sent with your certificate request\n";
    for (const field of ATTRIBUTES) {
      if (ask(field) === null) return { stderr: `${stderr}Error making certificate request\n` };
    }
  }
  return { name, stderr };
}
