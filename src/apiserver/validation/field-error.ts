/**
 * Field-level validation errors, as apimachinery's pkg/util/validation/field
 * (errors.go, path.go) builds and prints them for Kubernetes 1.31.
 */
import { GoLiteral, goQuote } from './go-syntax.ts';

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError';

/** ErrorType.String() in field/errors.go. */
const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
};

/** A bad value: strings print as %q, numbers and booleans as %v, GoLiteral as written, null as "null". */
export type BadValue = string | number | boolean | null | undefined | GoLiteral;

const OMIT = Symbol('omit');

export class FieldError {
  constructor(
    readonly type: FieldErrorType,
    readonly field: string,
    readonly value: BadValue | typeof OMIT,
    readonly detail: string,
  ) {}

  /** The message without the field, as it goes into Status.details.causes[].message. */
  body(): string {
    const typeText = TYPE_TEXT[this.type];
    let s: string;
    if (
      this.type === 'FieldValueRequired' ||
      this.type === 'FieldValueForbidden' ||
      this.type === 'FieldValueTooLong' ||
      this.type === 'InternalError' ||
      this.value === OMIT
    ) {
      s = typeText;
    } else {
      const v = this.value;
      if (v === null || v === undefined) s = `${typeText}: null`;
      else if (typeof v === 'string') s = `${typeText}: ${goQuote(v)}`;
      else s = `${typeText}: ${String(v)}`;
    }
    if (this.detail.length > 0) s += `: ${this.detail}`;
    return s;
  }

  /** `<field>: <body>`, Error() in field/errors.go. */
  toString(): string {
    return `${this.field}: ${this.body()}`;
  }
}

/**
 * A field path (field/path.go): children join with '.', indexes print `[i]`,
 * keys print `[key]` without quotes. The empty root prints as "<nil>" the way
 * a nil *Path does.
 */
export class FieldPath {
  private constructor(private readonly text: string) {}

  static of(...names: string[]): FieldPath {
    return new FieldPath(names.join('.'));
  }

  /** A nil *Path: used where the Go code passes no path. */
  static readonly nil = new FieldPath('<nil>');

  child(...names: string[]): FieldPath {
    if (this.text === '' || this === FieldPath.nil) return new FieldPath(names.join('.'));
    return new FieldPath([this.text, ...names].join('.'));
  }

  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`);
  }

  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`);
  }

  toString(): string {
    return this.text;
  }
}

export function required(path: FieldPath, detail = ''): FieldError {
  return new FieldError('FieldValueRequired', String(path), '', detail);
}

export function invalid(path: FieldPath, value: BadValue, detail: string): FieldError {
  return new FieldError('FieldValueInvalid', String(path), value, detail);
}

export function duplicate(path: FieldPath, value: BadValue): FieldError {
  return new FieldError('FieldValueDuplicate', String(path), value, '');
}

export function notFound(path: FieldPath, value: BadValue): FieldError {
  return new FieldError('FieldValueNotFound', String(path), value, '');
}

export function forbidden(path: FieldPath, detail: string): FieldError {
  return new FieldError('FieldValueForbidden', String(path), '', detail);
}

/** NotSupported: the detail lists the supported values quoted, in the order given. */
export function notSupported(path: FieldPath, value: BadValue, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? 'supported values: ' + supported.map(goQuote).join(', ') : '';
  return new FieldError('FieldValueNotSupported', String(path), value, detail);
}

/** TooLong(field, value, maxLength): "must have at most N bytes", value omitted. */
export function tooLong(path: FieldPath, maxLength: number): FieldError {
  return new FieldError('FieldValueTooLong', String(path), '', `must have at most ${maxLength} bytes`);
}

export function internalError(path: FieldPath, message: string): FieldError {
  return new FieldError('InternalError', String(path), null, message);
}

/**
 * errs.ToAggregate().Error() (apimachinery util/errors): duplicates dropped,
 * one message alone, several as `[a, b]`.
 */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const seen: string[] = [];
  for (const e of errors) {
    const msg = e.toString();
    if (!seen.includes(msg)) seen.push(msg);
  }
  if (seen.length === 1) return seen[0];
  return `[${seen.join(', ')}]`;
}

export { GoLiteral };
