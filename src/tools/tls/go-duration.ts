/**
 * Go's time.ParseDuration (time/format.go, Go 1.19), for cfssl's expiry
 * strings such as "87600h" and "43800h".
 */
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or Go's error text. */
export function parseGoDuration(text: string): { ok: true; ms: number } | { ok: false; error: string } {
  const quoted = JSON.stringify(text);
  const invalid = { ok: false as const, error: `time: invalid duration ${quoted}` };
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ms: 0 };
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (number[0] === '' || number[0] === '.') return invalid;
    s = s.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${quoted}` };
    if (UNITS[unit] === undefined) return { ok: false, error: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    s = s.slice(unit.length);
    total += Number(`${number[1] || '0'}.${number[2] || '0'}`) * UNITS[unit];
  }
  return { ok: true, ms: sign * total };
}
