import { describe, it } from 'node:test';
import { expect } from 'chai';
import { humanDuration, translateTimestampSince } from './age.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration', () => {
  // TestHumanDuration and TestHumanDurationBoundaries in
  // staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go (durations in ms;
  // Go's `-2*time.Second + 1` nanosecond becomes -1999 ms here).
  const cases: [number, string][] = [
    [S, '1s'], [70 * S, '70s'], [190 * S, '3m10s'], [70 * M, '70m'], [47 * H, '47h'], [49 * H, '2d1h'],
    [(8 * 24 + 2) * H, '8d'], [367 * D, '367d'], [2 * Y + 25 * H, '2y1d'], [8 * Y + 2 * H, '8y'],
    [-2 * S, '<invalid>'], [-1999, '0s'], [0, '0s'], [S - 1, '0s'], [2 * M - 1, '119s'], [2 * M, '2m'],
    [2 * M + S, '2m1s'], [10 * M - 1, '9m59s'], [10 * M, '10m'], [10 * M + S, '10m'], [3 * H - 1, '179m'],
    [3 * H, '3h'], [3 * H + M, '3h1m'], [8 * H - 1, '7h59m'], [8 * H, '8h'], [8 * H + 59 * M, '8h'],
    [2 * D - 1, '47h'], [2 * D, '2d'], [2 * D + H, '2d1h'], [8 * D - 1, '7d23h'], [8 * D, '8d'], [8 * D + 23 * H, '8d'],
    [2 * Y - 1, '729d'], [2 * Y, '2y'], [2 * Y + 23 * H, '2y'], [2 * Y + 23 * H + 59 * M, '2y'], [2 * Y + D - 1, '2y'],
    [2 * Y + D, '2y1d'], [3 * Y, '3y'], [7 * Y, '7y'], [8 * Y - 1, '7y364d'], [8 * Y, '8y'], [8 * Y + 364 * D, '8y'], [9 * Y, '9y'],
  ];
  for (const [ms, expected] of cases) {
    it(`${ms}ms -> ${expected}`, () => {
      expect(humanDuration(ms)).to.equal(expected);
    });
  }
});

describe('translateTimestampSince', () => {
  // translateTimestampSince in pkg/printers/internalversion/printers.go: `<unknown>` for a zero time
  const now = Date.UTC(2026, 0, 1, 0, 5, 0);
  const cases: [string | null | undefined, string][] = [
    ['2026-01-01T00:00:00Z', '5m'],
    ['2026-01-01T00:04:30.5Z', '29s'],
    [undefined, '<unknown>'],
    [null, '<unknown>'],
    ['', '<unknown>'],
  ];
  for (const [timestamp, expected] of cases) {
    it(`${String(timestamp)} -> ${expected}`, () => {
      expect(translateTimestampSince(timestamp, now)).to.equal(expected);
    });
  }
});
