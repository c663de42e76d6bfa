/**
 * resource.Quantity as the deployment controller holds it in memory: the API server stores a
 * quantity in its canonical form (Quantity.String), and the controller decodes that string again
 * with ParseQuantity when it reads the object (k8s.io/apimachinery v0.31.0
 * pkg/api/resource/quantity.go ParseQuantity, CanonicalizeBytes; amount.go AsCanonicalBytes).
 * The in-memory fields (int64Amount value and scale, the cached string s, Format) are what
 * go-spew prints into the pod-template-hash.
 */

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** The Go struct fields of a fast-path Quantity. */
export interface DecodedQuantity {
  value: bigint;
  scale: number;
  /** The string ParseQuantity caches when its input was already canonical, else ''. */
  s: string;
  format: QuantityFormat;
}

interface ExactQuantity {
  /** value = unscaled * 10^exp10 */
  unscaled: bigint;
  exp10: number;
  format: QuantityFormat;
}

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const INT64_MAX = (1n << 63n) - 1n;

interface SplitQuantity {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString: sign, numerator without leading zeros, fraction digits, suffix. */
function split(text: string): SplitQuantity | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(text);
  if (!m) return undefined;
  const num = m[2].replace(/^0+/, '') || '0';
  return { positive: m[1] !== '-', num, denom: m[3] ?? '', suffix: m[4] };
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (suffix in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  const e = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (e) return { base: 10, exponent: Number(e[1]), format: 'DecimalExponent' };
  return undefined;
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** The exact value a quantity string denotes, rounded up to nano units as ParseQuantity does. */
function parseExact(text: string): ExactQuantity | undefined {
  const parts = split(text);
  if (!parts) return undefined;
  const suffix = interpretSuffix(parts.suffix);
  if (!suffix) return undefined;
  let unscaled = BigInt(parts.num + parts.denom);
  let exp10 = -parts.denom.length;
  if (suffix.base === 10) exp10 += suffix.exponent;
  else unscaled *= 1n << BigInt(suffix.exponent);
  if (exp10 < -9) {
    // Round up (away from zero) to the nano scale.
    const divisor = pow10(-9 - exp10);
    unscaled = (unscaled + divisor - 1n) / divisor;
    exp10 = -9;
  }
  if (!parts.positive) unscaled = -unscaled;
  let format = suffix.format;
  if (format === 'BinarySI' && unscaled !== 0n && absLessThanOne(unscaled, exp10)) format = 'DecimalSI';
  return { unscaled, exp10, format };
}

function absLessThanOne(unscaled: bigint, exp10: number): boolean {
  const a = unscaled < 0n ? -unscaled : unscaled;
  return exp10 < 0 && a < pow10(-exp10);
}

/** Quantity.String(): the canonical text the API server stores. */
export function canonicalQuantity(text: string): string | undefined {
  const q = parseExact(text);
  if (!q) return undefined;
  if (q.unscaled === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const abs = q.unscaled < 0n ? -q.unscaled : q.unscaled;
    const lessThan1024 = q.exp10 >= 0 ? abs * pow10(q.exp10) < 1024n : abs < 1024n * pow10(-q.exp10);
    const integral = q.exp10 >= 0 || q.unscaled % pow10(-q.exp10) === 0n;
    if (lessThan1024 || !integral) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = q.exp10 >= 0 ? q.unscaled * pow10(q.exp10) : q.unscaled / pow10(-q.exp10);
    let exponent = 0;
    while (amount % 1024n === 0n && exponent < 6) {
      amount /= 1024n;
      exponent++;
    }
    const suffix = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][exponent];
    return `${amount}${suffix}`;
  }
  let amount = q.unscaled;
  let exponent = q.exp10;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const rem = ((exponent % 3) + 3) % 3;
  amount *= pow10(rem);
  exponent -= rem;
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const si = Object.entries(DECIMAL_SUFFIXES).find(([, e]) => e === exponent);
  return si ? `${amount}${si[0]}` : `${amount}e${exponent}`;
}

/**
 * The fast path of ParseQuantity on an already canonical string. Undefined when the value does
 * not fit an int64Amount (ParseQuantity then keeps an inf.Dec, which this model does not print).
 */
function parseFast(text: string): DecodedQuantity | undefined {
  if (text === '0') return { value: 0n, scale: 0, s: text, format: 'DecimalSI' };
  const parts = split(text);
  const suffix = parts && interpretSuffix(parts.suffix);
  if (!parts || !suffix) return undefined;
  let scale = 0;
  let precision: number;
  let mantissa = 1n;
  if (suffix.format === 'BinarySI') {
    if (suffix.exponent < 0 || parts.denom.length > 0) return undefined;
    mantissa = 1n << BigInt(suffix.exponent);
    // float32(exponent)*3/10 truncated, as in ParseQuantity
    precision = 15 - parts.num.length - Math.trunc(Math.fround((suffix.exponent * 3) / 10)) - 1;
  } else {
    scale = suffix.exponent;
    precision = 18 - (parts.num.length + parts.denom.length);
  }
  if (precision < 0) return undefined;
  scale -= parts.denom.length;
  if (scale < -9) return undefined;
  const shifted = parts.num + parts.denom;
  const value = BigInt(shifted);
  if (value > INT64_MAX) return undefined;
  let result = value * mantissa;
  if (result > INT64_MAX) return undefined;
  if (!parts.positive) result = -result;
  const canonicalInput =
    suffix.format === 'BinarySI'
      ? suffix.exponent % 10 === 0 && (value & 7n) !== 0n
      : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  return { value: result, scale, s: canonicalInput ? text : '', format: suffix.format };
}

/** What the controller's in-memory Quantity holds for a quantity the user wrote as `text`. */
export function decodeQuantity(text: string): DecodedQuantity | undefined {
  const canonical = canonicalQuantity(text);
  return canonical === undefined ? undefined : parseFast(canonical);
}
