/**
 * What the certificate tools need from their place besides the ProgramContext:
 * the clock (validity dates, cfssl's log times) and a random stream (serial
 * numbers, openssl's key generation progress dots). On the memory backend
 * these are the cluster's VirtualClock and a SeededRandom stream, so a
 * replayed scenario prints the same serials and dates.
 */
import type { SeededRandom } from '../../random/seeded-random.ts';

export interface TlsToolDeps {
  /** Milliseconds since the epoch. */
  now: () => number;
  random: SeededRandom;
}
