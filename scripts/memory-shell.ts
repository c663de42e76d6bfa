/**
 * A shell on a fresh memory cluster, for trying commands by hand:
 *   node --import tsx scripts/memory-shell.ts 'kubectl get pods -A' 'kubectl get svc'
 * Each argument is one command line; `+Ns` lets N virtual seconds pass.
 */
import { MemoryBackend } from '../src/backends/memory/memory-backend.ts';
import { readRunSettings } from '../src/backend/run-settings.ts';

const backend = new MemoryBackend(readRunSettings({}, process.env, () => 'try'));
await backend.startScenario({ id: 'try', name: 'try', tags: [], seed: process.env.KUBE_SCENARIOS_SEED ?? 'try' });
for (const line of process.argv.slice(2)) {
  const wait = /^\+(\d+)s$/.exec(line);
  if (wait) {
    await backend.elapse(Number(wait[1]));
    console.log(`--- ${wait[1]} s pass`);
    continue;
  }
  const r = await backend.run(line);
  console.log(`$ ${line}`);
  process.stdout.write(r.stdout);
  if (r.stderr) process.stdout.write(`[stderr]\n${r.stderr}`);
  if (r.exitCode !== 0) console.log(`[exit ${r.exitCode}]`);
}
