/** Container IDs as containerd makes them: 64 hex characters, random (here: from the kubelet's seeded stream). */
import type { SeededRandom } from '../../random/seeded-random.ts';

export function newContainerID(random: SeededRandom): string {
  return random.string('0123456789abcdef', 64);
}
