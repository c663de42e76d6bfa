/**
 * Resource quantities (`100m`, `1Gi`, `2e3`) as k8s.io/apimachinery/pkg/api/resource handles them:
 * ParseQuantity's grammar, exact amounts (kept in nano-units), addition, and the canonical
 * String() form (largest SI or binary suffix that keeps an integer mantissa; `0` for zero).
 * `kubectl get --sort-by` compares strings that both parse as quantities by value; describe node
 * sums the requests and limits of pods.
 */

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The amount in nano-units (10^-9), exact. */
  nano: bigint;
  format: QuantityFormat;
}

const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_POWERS: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const NANO = 10n ** 9n;

/**
 * ParseQuantity; undefined when the text is not a quantity. An amount finer than a nano-unit is
 * rounded away from zero to the next nano-unit, as ParseQuantity does ("if you want some
 * resources, you should get some resources").
 */
export function parseQuantityExact(text: string): Quantity | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, number, suffix = ''] = m;
  const [whole, fraction = ''] = number.split('.');
  // the amount is digits / 10^fraction.length, times the suffix; in nano-units: numerator / denominator
  let numerator = BigInt((whole || '0') + fraction) * NANO;
  let denominator = 10n ** BigInt(fraction.length);
  let format: QuantityFormat = 'DecimalSI';
  let exponent = 0;
  if (suffix in BINARY_POWERS) {
    numerator *= 1024n ** BigInt(BINARY_POWERS[suffix]);
    format = 'BinarySI';
  } else if (/^[eE]/.test(suffix)) {
    exponent = Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else {
    exponent = DECIMAL_EXPONENTS[suffix];
  }
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator *= 10n ** BigInt(-exponent);
  const nano = (numerator + denominator - 1n) / denominator;
  return { nano: sign === '-' ? -nano : nano, format };
}

/** The value of a quantity string as a number of base units, or undefined when it is not a quantity. */
export function parseQuantity(text: string): number | undefined {
  const q = parseQuantityExact(text);
  return q === undefined ? undefined : Number(q.nano) / 1e9;
}

/** Quantity.Add: the sum keeps the format of the first operand. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.format };
}

/** Quantity.MilliValue (rounded up, as Go's ScaledValue does). */
export function milliValue(q: Quantity): bigint {
  const unit = 10n ** 6n;
  return q.nano >= 0n ? (q.nano + unit - 1n) / unit : q.nano / unit;
}

/** Quantity.Value (rounded up). */
export function value(q: Quantity): bigint {
  return q.nano >= 0n ? (q.nano + NANO - 1n) / NANO : q.nano / NANO;
}

/** Quantity.String: the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.nano === 0n) return '0';
  const sign = q.nano < 0n ? '-' : '';
  const abs = q.nano < 0n ? -q.nano : q.nano;
  // BinarySI prints in powers of 1024 when the amount is a whole number of at least 1024;
  // smaller or fractional amounts print as DecimalSI (CanonicalizeBytes)
  if (q.format === 'BinarySI' && abs % NANO === 0n && abs >= 1024n * NANO) {
    const bytes = abs / NANO;
    const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    for (let n = suffixes.length - 1; n >= 1; n--) {
      const unit = 1024n ** BigInt(n);
      if (bytes % unit === 0n) return `${sign}${bytes / unit}${suffixes[n]}`;
    }
    return `${sign}${bytes}`;
  }
  const suffixes: [number, string][] = [
    [18, 'E'], [15, 'P'], [12, 'T'], [9, 'G'], [6, 'M'], [3, 'k'], [0, ''], [-3, 'm'], [-6, 'u'], [-9, 'n'],
  ];
  for (const [exp, suffix] of suffixes) {
    const unit = 10n ** BigInt(exp + 9);
    if (abs % unit !== 0n) continue;
    // DecimalExponent keeps the exponent form (`1e3`, `80e-3`); DecimalSI (and inexact BinarySI) the SI suffix
    const written = q.format === 'DecimalExponent' ? (exp === 0 ? '' : `e${exp}`) : suffix;
    return `${sign}${abs / unit}${written}`;
  }
  // unreachable: every whole number of nano-units is a multiple of 10^0
  return `${sign}${abs}n`;
}
