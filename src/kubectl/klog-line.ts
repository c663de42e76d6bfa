/**
 * klog's text header, for the few warnings kubectl logs through klog rather
 * than printing (`W0101 00:00:00.000000   12345 helpers.go:703] ...`). The
 * time is the virtual clock's; the process id is fixed so runs repeat.
 */
const PID = 12345;

export function klogLine(severity: 'I' | 'W' | 'E', nowMs: number, source: string, message: string): string {
  const d = new Date(nowMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
  return `${severity}${stamp} ${String(PID).padStart(7)} ${source}] ${message}\n`;
}
