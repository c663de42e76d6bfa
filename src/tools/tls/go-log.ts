/**
 * A line of Go's standard logger with LstdFlags (log/log.go): the local date
 * and time, then the message, then a newline. cfssl's log package prefixes
 * the level (`[INFO] `, `[WARNING] `, `[ERROR] `). The time is the clock's, in UTC.
 */
export function goLogLine(nowMs: number, message: string): string {
  const d = new Date(nowMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${stamp} ${message}${message.endsWith('\n') ? '' : '\n'}`;
}
