/**
 * One run of the whole feature suite on the memory backend, for the benchmark:
 * no config file, terminal output off, reports into a scratch folder. Prints the
 * wall time in ms as its last line. KUBE_SCENARIOS_NOOP_STEPS=1 binds every step
 * to a no-op (cucumber's own floor).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';

const scratch = mkdtempSync(join(tmpdir(), 'kube-scenarios-bench-'));
const started = performance.now();
const { runConfiguration } = await loadConfiguration({
  file: false,
  provided: {
    paths: ['features/**/*.feature'],
    import: ['steps/register-typescript.mjs', 'steps/**/*.ts'],
    format: [`html:${join(scratch, 'cucumber.html')}`, `junit:${join(scratch, 'junit.xml')}`, `message:${join(scratch, 'messages.ndjson')}`],
    worldParameters: { backend: 'memory', seed: 'bench' },
  },
});
const { success } = await runCucumber(runConfiguration);
const elapsed = performance.now() - started;
console.log(JSON.stringify({ success, ms: Math.round(elapsed) }));
