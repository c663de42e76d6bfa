/**
 * Whether a string may be written as a plain (unquoted) YAML scalar without being read back
 * as something else: go-yaml v2's encoder (encode.go stringv) quotes a string whenever
 * resolve() (resolve.go) would give it a tag other than !!str, or it looks like a base-60 float.
 *
 * resolve() recognises, for plain text: the YAML 1.1 booleans (y, yes, on, true, n, no, off,
 * false in three casings), null (``, ~, null), .inf/.nan forms, timestamps
 * (parseTimestamp's four layouts), Go ParseInt/ParseUint base-0 integers after removing `_`,
 * and floats matching yamlStyleFloat.
 */

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

/** resolveTable: the first characters that make resolve() look further. */
function hintOf(first: string): 'S' | 'D' | 'M' | '.' | undefined {
  if (first === '+' || first === '-') return 'S';
  if (first >= '0' && first <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(first)) return 'M';
  if (first === '.') return '.';
  return undefined;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_DECIMAL_FLOAT = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const GO_INT_BASE0 = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

function bigValue(sign: string, body: string): bigint {
  let magnitude: bigint;
  if (/^0[oO]/.test(body)) magnitude = BigInt('0o' + body.slice(2));
  else if (/^0[xXbB]/.test(body)) magnitude = BigInt(body.toLowerCase());
  else if (/^0[0-7]+$/.test(body)) magnitude = BigInt('0o' + body.slice(1));
  else magnitude = BigInt(body);
  return sign === '-' ? -magnitude : magnitude;
}

/** strconv.ParseInt(s, 0, 64) or strconv.ParseUint(s, 0, 64) succeeds. */
function isGoInteger(text: string): boolean {
  const m = GO_INT_BASE0.exec(text);
  if (!m) return false;
  const value = bigValue(m[1], m[2]);
  if (value >= INT64_MIN && value <= INT64_MAX) return true;
  return m[1] === '' && value <= UINT64_MAX;
}

/** strconv.ParseFloat(s, 64) succeeds (decimal forms; infinities and NaN handled by RESOLVE_MAP for '.'-prefixed text). */
function isGoFloat(text: string): boolean {
  return GO_DECIMAL_FLOAT.test(text) && Number.isFinite(Number(text));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const TIMESTAMP_LAYOUTS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?()()$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})()()()()()$/,
];

/** go-yaml's parseTimestamp: time.Parse with one of its allowed layouts succeeds. */
function isTimestamp(text: string): boolean {
  if (!/^\d{4}-/.test(text)) return false;
  for (const layout of TIMESTAMP_LAYOUTS) {
    const m = layout.exec(text);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) continue;
    if (m[4] !== '' && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) continue;
    if (m[7] && (Number(m[7]) > 24 || Number(m[8]) > 60)) continue;
    return true;
  }
  return false;
}

/** resolve("", text) gives !!str. */
export function resolvesToString(text: string): boolean {
  if (text === '') return false;
  // Text whose first character has no hint is a string without further look-up (so `<<` stays plain).
  const hint = hintOf(text[0]);
  if (hint === undefined) return true;
  if (RESOLVE_MAP.has(text)) return false;
  if (hint === 'M') return true;
  if (hint === '.') return !isGoFloat(text);
  if (isTimestamp(text)) return false;
  const plain = text.replace(/_/g, '');
  if (isGoInteger(plain)) return false;
  if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
  return true;
}

/** isBase60Float (encode.go): quoted on output for compatibility with YAML 1.1 parsers. */
export function isBase60Float(text: string): boolean {
  if (text === '') return false;
  const c = text[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !text.includes(':')) return false;
  return BASE60_FLOAT.test(text);
}

/** stringv's canUsePlain: the string can be emitted without quotes as far as its meaning goes. */
export function canUsePlain(text: string): boolean {
  return resolvesToString(text) && !isBase60Float(text);
}
