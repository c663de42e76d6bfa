/** Container IDs as containerd makes them: 64 hex characters, random (here: from the kubelet's seeded stream). */
import type { SeededRandom } from '../../random/seeded-random.ts';

const HEX = '0123456789abcdef';

/**
 * The draws of `random.string(HEX, 64)`, joined at once: a string grown a character at a time
 * is a chain of 64 pieces (about 2 KB) for as long as the container lives.
 */
export function newContainerID(random: SeededRandom): string {
  const digits = new Array<string>(64);
  for (let i = 0; i < digits.length; i++) digits[i] = HEX[random.int(0, HEX.length - 1)];
  return digits.join('');
}
