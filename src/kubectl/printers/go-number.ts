/**
 * Numbers as Go prints them. kubectl works on unstructured JSON, where an integral JSON number
 * decodes to int64 and any other to float64; a JavaScript number is classified the same way.
 *
 * formatFloatG: strconv.FormatFloat(f, 'g', -1, 64), used by fmt's %v and by go-yaml's encoder
 * (golang.org/src/strconv/ftoa.go: shortest digits; %e form when the exponent is < -4 or >= 6
 * for the shortest precision; the exponent has at least two digits).
 */

/** Whether a JSON number would decode to int64 in Go's unstructured JSON decoding. */
export function isGoInteger(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < 2 ** 63;
}

/** Shortest decimal digits and decimal-point position of a finite, non-zero float. */
function shortestDigits(value: number): { digits: string; dp: number } {
  // toExponential() without an argument gives the shortest digits that round-trip, as Go's shortest mode.
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  return { digits, dp: Number(exponent) + 1 };
}

/** strconv.FormatFloat(value, 'g', -1, 64). */
export function formatFloatG(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const sign = value < 0 ? '-' : '';
  const { digits, dp } = shortestDigits(value);
  const exp = dp - 1;
  if (exp < -4 || exp >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exp < 0 ? '-' : '+';
    const expDigits = String(Math.abs(exp)).padStart(2, '0');
    return `${sign}${mantissa}e${expSign}${expDigits}`;
  }
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (dp >= digits.length) return `${sign}${digits}${'0'.repeat(dp - digits.length)}`;
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}

/** A number as fmt's %v prints the int64 or float64 it decodes to. */
export function formatGoNumber(value: number): string {
  return isGoInteger(value) ? String(value) : formatFloatG(value);
}
