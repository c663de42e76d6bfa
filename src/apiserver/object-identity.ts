/**
 * The identity the server gives a new object: a UUID v4 uid (what
 * k8s.io/apimachinery/pkg/util/uuid NewUUID returns, here from a seeded
 * stream) and names for generateName (names.SimpleNameGenerator in
 * apiserver pkg/storage/names/generate.go: 5 characters from
 * utilrand's alphabet, the base cut to 58 characters).
 */
import type { SeededRandom } from '../random/seeded-random.ts';

/** utilrand.alphanums: no vowels, no 0/1/3 that read as letters. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const RANDOM_LENGTH = 5;
const MAX_GENERATED_BASE = 63 - RANDOM_LENGTH;

/** A random UUID version 4 (RFC 4122), lower-case hex. */
export function newUID(random: SeededRandom): string {
  const bytes = Array.from({ length: 16 }, () => random.int(0, 255));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The 5 random characters a generated name ends with. */
export function randomSuffix(random: SeededRandom): string {
  return random.string(NAME_ALPHABET, RANDOM_LENGTH);
}

/** GenerateName: base (cut to 58 characters) plus 5 random characters. */
export function generateName(base: string, random: SeededRandom): string {
  return base.slice(0, MAX_GENERATED_BASE) + randomSuffix(random);
}
