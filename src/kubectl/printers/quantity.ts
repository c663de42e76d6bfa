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

/** ParseQuantity; undefined when the text is not a quantity. Precision below a nano-unit is dropped. */
export function parseQuantityExact(text: string): Quantity | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, number, suffix = ''] = m;
  const [whole, fraction = ''] = number.split('.');
  // the number scaled to nano-units before the suffix applies
  let scaled = BigInt(whole || '0') * NANO + BigInt((fraction + '000000000').slice(0, 9) || '0');
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY_POWERS) {
    scaled *= 1024n ** BigInt(BINARY_POWERS[suffix]);
    format = 'BinarySI';
  } else if (/^[eE]/.test(suffix)) {
    const exp = Number(suffix.slice(1));
    scaled = exp >= 0 ? scaled * 10n ** BigInt(exp) : scaled / 10n ** BigInt(-exp);
    format = 'DecimalExponent';
  } else {
    const exp = DECIMAL_EXPONENTS[suffix];
    scaled = exp >= 0 ? scaled * 10n ** BigInt(exp) : scaled / 10n ** BigInt(-exp);
  }
  return { nano: sign === '-' ? -scaled : scaled, format };
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
  if (q.format === 'BinarySI' && abs % NANO === 0n) {
    const bytes = abs / NANO;
    const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    for (let n = suffixes.length - 1; n >= 1; n--) {
      const unit = 1024n ** BigInt(n);
      if (bytes % unit === 0n && bytes >= unit) return `${sign}${bytes / unit}${suffixes[n]}`;
    }
    // binary amounts below 1Ki (or not a multiple of it) print as decimal SI
  }
  const suffixes: [number, string][] = [
    [18, 'E'], [15, 'P'], [12, 'T'], [9, 'G'], [6, 'M'], [3, 'k'], [0, ''], [-3, 'm'], [-6, 'u'], [-9, 'n'],
  ];
  for (const [exp, suffix] of suffixes) {
    const unit = 10n ** BigInt(exp + 9);
    if (abs % unit === 0n) return `${sign}${abs / unit}${suffix}`;
  }
  return `${sign}${abs}n`;
}
