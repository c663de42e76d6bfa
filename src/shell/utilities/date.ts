/**
 * `date` (GNU coreutils src/date.c) in UTC: the default format
 * `Thu Jan  1 00:00:00 UTC 2026`, `+FORMAT` with the common conversions,
 * -u, -I (ISO 8601 date) and -R (RFC 5322). Time comes from the clock the
 * place gives (the virtual clock on the memory backend).
 */
import type { Program } from '../types.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const two = (n: number) => String(n).padStart(2, '0');

/** strftime(3) in UTC for the conversions scripts use. */
export function formatDate(ms: number, format: string): string {
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((ms - start) / 86400000) + 1;
  const hour12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const conversions: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()],
    A: () => DAY_NAMES[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    h: () => MONTHS[d.getUTCMonth()],
    B: () => MONTH_NAMES[d.getUTCMonth()],
    d: () => two(d.getUTCDate()),
    e: () => String(d.getUTCDate()).padStart(2),
    H: () => two(d.getUTCHours()),
    I: () => two(hour12),
    M: () => two(d.getUTCMinutes()),
    S: () => two(d.getUTCSeconds()),
    m: () => two(d.getUTCMonth() + 1),
    y: () => two(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()),
    j: () => String(dayOfYear).padStart(3, '0'),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    s: () => String(Math.floor(ms / 1000)),
    N: () => String((ms % 1000) * 1_000_000).padStart(9, '0'),
    Z: () => 'UTC',
    z: () => '+0000',
    u: () => String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()),
    w: () => String(d.getUTCDay()),
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  conversions.T = () => `${conversions.H()}:${conversions.M()}:${conversions.S()}`;
  conversions.R = () => `${conversions.H()}:${conversions.M()}`;
  conversions.F = () => `${conversions.Y()}-${conversions.m()}-${conversions.d()}`;
  conversions.D = () => `${conversions.m()}/${conversions.d()}/${conversions.y()}`;
  conversions.c = () => `${conversions.a()} ${conversions.b()} ${conversions.e()} ${conversions.T()} ${conversions.Y()}`;
  return format.replace(/%([a-zA-Z%])/g, (whole, c: string) => (conversions[c] ? conversions[c]() : whole));
}

/** A `date` program reading time from `now` (milliseconds since the epoch). */
export function dateProgram(now: () => number): Program {
  return (ctx) => {
    let format = '%a %b %e %H:%M:%S %Z %Y';
    for (const arg of ctx.argv.slice(1)) {
      if (arg.startsWith('+')) format = arg.slice(1);
      else if (arg === '-I' || arg === '--iso-8601') format = '%Y-%m-%d';
      else if (arg === '-R' || arg === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S +0000';
      else if (arg !== '-u' && arg !== '--utc') return { stdout: '', stderr: `date: invalid date '${arg}'\n`, exitCode: 1 };
    }
    return { stdout: `${formatDate(now(), format)}\n`, stderr: '', exitCode: 0 };
  };
}
