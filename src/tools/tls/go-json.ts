/**
 * Go's encoding/json as cfssl and cfssljson (Go 1.19) meet it: the syntax
 * error texts of its scanner (encoding/json/scanner.go) and the first
 * UnmarshalTypeError of decoding into a struct (decode.go: "json: cannot
 * unmarshal <kind> into Go struct field <Struct>.<json path> of type <type>").
 * Field names match case-insensitively when no exact match exists; unknown
 * fields and nulls are ignored, as Go does.
 */

export type GoType =
  | { kind: 'string' }
  | { kind: 'int' }
  | { kind: 'bool' }
  | { kind: 'slice'; of: GoType }
  | { kind: 'map'; of: GoType }
  | { kind: 'struct'; name: string; fields: Record<string, GoType> };

export const goString: GoType = { kind: 'string' };
export const goInt: GoType = { kind: 'int' };
export const goBool: GoType = { kind: 'bool' };

/** strconv.Quote of one character inside single quotes, as scanner.go's quoteChar. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const escapes: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\' };
  if (escapes[c]) return `'${escapes[c]}'`;
  const code = c.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

class Scan {
  i = 0;
  constructor(readonly text: string) {}
  fail(context: string): never {
    if (this.i >= this.text.length) throw new SyntaxFailure('unexpected end of JSON input');
    throw new SyntaxFailure(`invalid character ${quoteChar(String.fromCodePoint(this.text.codePointAt(this.i)!))} ${context}`);
  }
  space(): void {
    while (this.i < this.text.length && ' \t\r\n'.includes(this.text[this.i])) this.i++;
  }
  peek(): string | undefined {
    return this.text[this.i];
  }
}

class SyntaxFailure extends Error {}

function value(s: Scan): void {
  s.space();
  const c = s.peek();
  if (c === '{') return object(s);
  if (c === '[') return array(s);
  if (c === '"') return string(s);
  if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number(s);
  for (const literal of ['true', 'false', 'null']) {
    if (c !== literal[0]) continue;
    s.i++;
    for (const expected of literal.slice(1)) {
      if (s.peek() !== expected) s.fail(`in literal ${literal} (expecting ${quoteChar(expected)})`);
      s.i++;
    }
    return;
  }
  s.fail('looking for beginning of value');
}

function object(s: Scan): void {
  s.i++;
  s.space();
  if (s.peek() === '}') {
    s.i++;
    return;
  }
  for (;;) {
    s.space();
    if (s.peek() !== '"') s.fail('looking for beginning of object key string');
    string(s);
    s.space();
    if (s.peek() !== ':') s.fail('after object key');
    s.i++;
    value(s);
    s.space();
    if (s.peek() === ',') {
      s.i++;
      continue;
    }
    if (s.peek() === '}') {
      s.i++;
      return;
    }
    s.fail('after object key:value pair');
  }
}

function array(s: Scan): void {
  s.i++;
  s.space();
  if (s.peek() === ']') {
    s.i++;
    return;
  }
  for (;;) {
    value(s);
    s.space();
    if (s.peek() === ',') {
      s.i++;
      continue;
    }
    if (s.peek() === ']') {
      s.i++;
      return;
    }
    s.fail('after array element');
  }
}

function string(s: Scan): void {
  s.i++;
  for (;;) {
    const c = s.peek();
    if (c === undefined) s.fail('');
    if (c === '"') {
      s.i++;
      return;
    }
    if (c === '\\') {
      s.i++;
      const e = s.peek();
      if (e === 'u') {
        s.i++;
        for (let k = 0; k < 4; k++) {
          if (!/[0-9a-fA-F]/.test(s.peek() ?? '')) s.fail('in \\u hexadecimal character escape');
          s.i++;
        }
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) s.fail('in string escape code');
      s.i++;
      continue;
    }
    if (c < ' ') s.fail('in string literal');
    s.i++;
  }
}

function number(s: Scan): void {
  const digit = () => /[0-9]/.test(s.peek() ?? '');
  if (s.peek() === '-') {
    s.i++;
    if (!digit()) s.fail('in numeric literal');
  }
  if (s.peek() === '0') s.i++;
  else while (digit()) s.i++;
  if (s.peek() === '.') {
    s.i++;
    if (!digit()) s.fail('after decimal point in numeric literal');
    while (digit()) s.i++;
  }
  if (s.peek() === 'e' || s.peek() === 'E') {
    s.i++;
    if (s.peek() === '+' || s.peek() === '-') s.i++;
    if (!digit()) s.fail('in exponent of numeric literal');
    while (digit()) s.i++;
  }
}

/** The message of Go's json.SyntaxError for `text`; undefined when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  const s = new Scan(text);
  try {
    value(s);
    s.space();
    if (s.i < text.length) s.fail('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxFailure) return e.message;
    throw e;
  }
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function goTypeName(t: GoType): string {
  switch (t.kind) {
    case 'string':
    case 'int':
    case 'bool':
      return t.kind;
    case 'slice':
      return `[]${goTypeName(t.of)}`;
    case 'map':
      return `map[string]${goTypeName(t.of)}`;
    case 'struct':
      return t.name;
  }
}

export type GoDecoded = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Decodes `text` into a value of `type` as json.Unmarshal would: the syntax
 * error, or the first type error, or the value with struct fields under
 * their declared json names.
 */
export function decodeGoJson(text: string, type: Extract<GoType, { kind: 'struct' }>): GoDecoded {
  const syntax = goJsonSyntaxError(text);
  if (syntax) return { ok: false, error: syntax };
  let firstError: string | undefined;
  const decode = (v: unknown, t: GoType, struct: string | undefined, path: string[]): unknown => {
    if (v === null) return undefined;
    const mismatch = (kind = jsonKind(v)) => {
      firstError ??=
        struct === undefined
          ? `json: cannot unmarshal ${kind} into Go value of type ${goTypeName(t)}`
          : `json: cannot unmarshal ${kind} into Go struct field ${struct}.${path.join('.')} of type ${goTypeName(t)}`;
      return undefined;
    };
    switch (t.kind) {
      case 'string':
        return typeof v === 'string' ? v : mismatch();
      case 'bool':
        return typeof v === 'boolean' ? v : mismatch();
      case 'int':
        if (typeof v !== 'number') return mismatch();
        return Number.isInteger(v) ? v : mismatch(`number ${v}`);
      case 'slice':
        return Array.isArray(v) ? v.map((item) => decode(item, t.of, struct, path)) : mismatch();
      case 'map': {
        if (typeof v !== 'object' || Array.isArray(v)) return mismatch();
        const out: Record<string, unknown> = {};
        for (const [k, item] of Object.entries(v as object)) out[k] = decode(item, t.of, struct, path);
        return out;
      }
      case 'struct': {
        if (typeof v !== 'object' || Array.isArray(v)) return mismatch();
        const out: Record<string, unknown> = {};
        const shortName = t.name.replace(/^.*\./, '');
        for (const [key, item] of Object.entries(v as object)) {
          const field = key in t.fields ? key : Object.keys(t.fields).find((f) => f.toLowerCase() === key.toLowerCase());
          if (field === undefined) continue;
          const decoded = decode(item, t.fields[field], shortName, [...path, field]);
          if (decoded !== undefined) out[field] = decoded;
        }
        return out;
      }
    }
  };
  const value = decode(JSON.parse(text), type, undefined, []);
  return firstError ? { ok: false, error: firstError } : { ok: true, value };
}
