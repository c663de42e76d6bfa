/**
 * curl's progress meter (lib/progress.c progress_meter, curl 7.x and 8.x
 * alike): written to stderr when curl is not silent and its output is not a
 * terminal (a pipe, a file, `kubectl exec` without -t). A header of two
 * lines, then one line per update starting with a carriage return, the last
 * one ending the line. Sizes print in 5 columns (max5data), times as
 * H:MM:SS or `--:--:--` while zero (time2str).
 */

const ONE_KILOBYTE = 1024;
const ONE_MEGABYTE = 1024 * ONE_KILOBYTE;

export const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** max5data: a byte count in at most 5 characters. */
export function max5(bytes: number): string {
  const b = Math.floor(bytes);
  if (b < 100000) return String(b).padStart(5);
  if (b < 10000 * ONE_KILOBYTE) return `${String(Math.floor(b / ONE_KILOBYTE)).padStart(4)}k`;
  if (b < 100 * ONE_MEGABYTE) return `${String(Math.floor(b / ONE_MEGABYTE)).padStart(2)}.${Math.floor((b % ONE_MEGABYTE) / (ONE_MEGABYTE / 10))}M`;
  return `${String(Math.floor(b / ONE_MEGABYTE)).padStart(4)}M`;
}

/** time2str: `--:--:--` for zero, else H:MM:SS right-aligned in 8. */
export function time2str(seconds: number): string {
  const s = Math.floor(seconds);
  if (s <= 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export interface MeterState {
  /** Expected body size (Content-Length), 0 when unknown. */
  total: number;
  downloaded: number;
  uploaded: number;
  /** Seconds since the transfer started. */
  spentSeconds: number;
  /** Average download speed in bytes per second. */
  speed: number;
}

function percent(part: number, whole: number): string {
  return String(whole > 0 ? Math.floor((part * 100) / whole) : 0).padStart(3);
}

/** One meter line (without its leading carriage return). */
export function meterLine(s: MeterState): string {
  const total = s.total > 0 ? s.total : s.downloaded;
  return (
    `${percent(total > 0 ? s.downloaded : 0, total)} ${max5(total)}  ` +
    `${percent(s.downloaded, total)} ${max5(s.downloaded)}  ` +
    `${percent(s.uploaded, s.uploaded)} ${max5(s.uploaded)}  ` +
    `${max5(s.speed)}  ${max5(0)} --:--:-- ${time2str(s.spentSeconds)} --:--:-- ${max5(s.speed)}`
  );
}

/** The meter's text as curl writes it over a transfer: header and first line, whole-second updates, last line. */
export class ProgressMeter {
  private shown = false;

  constructor(private readonly enabled: boolean) {}

  /** The header and the first, empty line (no newline: -v lines continue it). */
  start(): string {
    if (!this.enabled || this.shown) return '';
    this.shown = true;
    return METER_HEADER + '\r' + meterLine({ total: 0, downloaded: 0, uploaded: 0, spentSeconds: 0, speed: 0 });
  }

  /** Updates while the transfer waits, once per whole second before the wait ends (the last one is finish()'s). */
  waited(fromSeconds: number, toSeconds: number): string {
    if (!this.enabled) return '';
    let out = '';
    for (let s = Math.floor(fromSeconds) + 1; s < toSeconds; s++) out += '\r' + meterLine({ total: 0, downloaded: 0, uploaded: 0, spentSeconds: s, speed: 0 });
    return out;
  }

  /** The last line, ending the meter. */
  finish(state: MeterState): string {
    if (!this.enabled) return '';
    return '\r' + meterLine(state) + '\n';
  }

  get isEnabled(): boolean {
    return this.enabled;
  }
}
