/**
 * Absolute times in describe output: Go's time.RFC1123Z layout (`Mon, 02 Jan 2006 15:04:05 -0700`).
 * kubectl prints metav1.Time in the local zone of the machine; the simulated user's machine runs
 * in UTC, so the zone is always +0000.
 */
import { parseTimestamp } from '../printers/age.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** RFC1123Z of a timestamp; Go's zero time (`Mon, 01 Jan 0001 00:00:00 +0000`) when it is missing. */
export function formatRfc1123z(timestamp: string | null | undefined): string {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const t = new Date(ms);
  return `${DAYS[t.getUTCDay()]}, ${pad(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())} +0000`;
}
