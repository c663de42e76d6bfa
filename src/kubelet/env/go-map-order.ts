/**
 * Go's `for k, v := range m` order over a map built in insertion order: random per range, which
 * we draw from a seeded stream (container-env.ts), so a run's order repeats for its seed.
 */
import type { SeededRandom } from '../../random/seeded-random.ts';

/** A seeded permutation of `entries` (Fisher-Yates, from the end). */
export function goMapOrder<T>(entries: readonly T[], random: SeededRandom): T[] {
  const out = [...entries];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Moves `random` past the draws goMapOrder makes for `count` entries, without the entries. */
export function skipGoMapOrder(count: number, random: SeededRandom): void {
  for (let i = count - 1; i > 0; i--) random.int(0, i);
}
