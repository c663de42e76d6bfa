/**
 * The progress characters OpenSSL 3.0 prints on stderr while `req -newkey`
 * generates an RSA key (apps/lib/apps.c progress_cb on BN_GENCB): one line per
 * prime, a `.` per candidate that fails, a `+` per test passed, a `*` when a
 * probable prime is set aside. The real lines are random; ours come from the
 * seeded stream and have the shape of OpenSSL 3.0.19's: for 2048 bits and more,
 * three runs of tests with two `*`; below, one run.
 */
import type { SeededRandom } from '../../random/seeded-random.ts';

function candidates(random: SeededRandom): string {
  let out = '';
  const count = random.int(0, 30);
  for (let i = 0; i < count; i++) out += `${'.'.repeat(random.int(1, 9))}+`;
  return out + '.'.repeat(random.int(1, 9));
}

/** The two progress lines for an RSA key of `bits`, each ending with a newline. */
export function rsaKeyGenerationProgress(bits: number, random: SeededRandom): string {
  const tests = '+'.repeat(bits >= 2048 ? 65 : 64);
  const line = () => (bits >= 2048 ? [candidates(random), candidates(random), candidates(random)].join(`${tests}*`) : candidates(random)) + tests;
  return `${line()}\n${line()}\n`;
}
