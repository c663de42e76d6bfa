/**
 * Every random choice of the memory backend (generated names, IPs, NodePorts,
 * load-balancing picks) comes from here, so a run is replayed exactly from the
 * seed printed in its report. Streams are derived per purpose: adding a random
 * choice in one component does not shift the choices of another.
 */
import { createHash } from 'node:crypto';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Turns a seed string and a stream label into a generator seed: 32 bits of
 * SHA-256, so that streams whose labels differ by one character start far apart
 * (a plain FNV hash left the first draws of sibling streams correlated).
 */
function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readInt32LE(0);
}

/** Draws thrown away after seeding: xoroshiro128+'s first outputs still echo the seed. */
const WARM_UP_DRAWS = 8;

export class SeededRandom {
  private generator: RandomGenerator;

  constructor(readonly seed: string) {
    this.generator = xoroshiro128plus(hash32(seed));
    for (let i = 0; i < WARM_UP_DRAWS; i++) this.generator.next();
  }

  /** An independent stream for one purpose, e.g. `random.derive('names')`. */
  derive(label: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${label}`);
  }

  /** A copy at this stream's position: it draws what this stream draws next (to replay draws later, lazily). */
  clone(): SeededRandom {
    const copy = Object.create(SeededRandom.prototype) as SeededRandom;
    Object.assign(copy, { seed: this.seed, generator: this.generator.clone() });
    return copy;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.int(0, 0x7fffffff) / 0x80000000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }
}

/** A fresh seed for a run that was not given one: short, printable, easy to paste back. */
export function newRunSeed(): string {
  return Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, '0');
}
