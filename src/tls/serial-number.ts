/**
 * Random certificate serial numbers, drawn from a SeededRandom stream so that
 * a replayed scenario prints the same serials. Both OpenSSL 3.0 (apps/lib/apps.c
 * rand_serial, SERIAL_RAND_BITS = 159) and cfssl (signer/local, a random
 * integer below 2^159) draw 159 random bits.
 */
import type { SeededRandom } from '../random/seeded-random.ts';

/** A uniformly random integer in [0, 2^159). */
export function randomSerialNumber(random: SeededRandom): bigint {
  let serial = 0n;
  // 20 bytes, the top bit of the first cleared: 159 bits.
  for (let i = 0; i < 20; i++) serial = (serial << 8n) | BigInt(random.int(0, i === 0 ? 0x7f : 0xff));
  return serial;
}
