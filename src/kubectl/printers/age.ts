/**
 * Ages as kubectl prints them in AGE columns, describe output and event tables.
 *
 * Port of HumanDuration (k8s.io/apimachinery/pkg/util/duration/duration.go, FIDELITY.md §7)
 * and of translateTimestampSince (pkg/printers/internalversion/printers.go), which every
 * printer and describer uses. Time comes from the caller (the virtual clock), never the wall clock.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's integer conversion of a duration quotient: truncation toward zero. */
function truncDiv(ms: number, unit: number): number {
  return Math.trunc(ms / unit);
}

/**
 * A succinct, human-readable duration with about two significant figures:
 * `45s`, `119s`, `2m5s`, `9m`, `3h5m`, `47h`, `3d4h`, `30d`, `2y10d`.
 * Within two seconds before zero counts as `0s` (clock skew); earlier is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = truncDiv(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = truncDiv(ms, MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = truncDiv(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Milliseconds since the epoch of an RFC 3339 timestamp, or undefined when absent or unparsable (Go's zero time). */
export function parseTimestamp(timestamp: string | null | undefined): number | undefined {
  if (!timestamp) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The age of a timestamp at `now` (virtual clock, ms): `<unknown>` for a missing timestamp,
 * as translateTimestampSince and translateMicroTimestampSince print it.
 */
export function translateTimestampSince(timestamp: string | null | undefined, now: number): string {
  const at = parseTimestamp(timestamp);
  if (at === undefined) return '<unknown>';
  return humanDuration(now - at);
}
