/**
 * `npm run bench`: the whole feature suite on the memory backend against the
 * same scenarios with every step bound to a no-op (cucumber's own floor), in one
 * run, alternating the two, and the ratio of their medians. Target: at most 1.5.
 * Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function once(noop: boolean): { success: boolean; ms: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/run-suite-once.ts'], {
    env: { ...process.env, KUBE_SCENARIOS_NOOP_STEPS: noop ? '1' : '0', KUBE_SCENARIOS_SEED: 'bench' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = out.trim().split('\n').pop()!;
  return JSON.parse(last);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const real: number[] = [];
const floor: number[] = [];
let allPassed = true;
for (let i = 0; i < ROUNDS; i++) {
  const r = once(false);
  allPassed &&= r.success;
  real.push(r.ms);
  floor.push(once(true).ms);
}
const ratio = median(real) / median(floor);
console.log(`suite on memory backend: ${real.join(', ')} ms (median ${median(real)} ms)${allPassed ? '' : '  [some scenarios failed]'}`);
console.log(`no-op steps (floor):     ${floor.join(', ')} ms (median ${median(floor)} ms)`);
console.log(`ratio: ${ratio.toFixed(2)} (target <= 1.5)`);
