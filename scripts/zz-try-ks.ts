import { MemoryBackend } from '../src/backends/memory/memory-backend.ts';
import { readRunSettings } from '../src/backend/run-settings.ts';
const backend = new MemoryBackend(readRunSettings({}, process.env, () => 'try'));
await backend.startScenario({ id: 'try', name: 'try', tags: [], seed: 'try' });
const cfg = JSON.parse(process.env.CFG ?? '{}');
if (Object.keys(cfg).length) await backend.configure(cfg);
for (const line of process.argv.slice(2)) {
  const wait = /^\+(\d+)s$/.exec(line);
  if (wait) { await backend.elapse(Number(wait[1])); console.log(`--- ${wait[1]} s`); continue; }
  const out = line.startsWith('OUT ') ;
  const r = out ? await backend.run(line.slice(4), { kind: 'outside' } as any) : await backend.run(line);
  console.log(`$ ${line}`); process.stdout.write(r.stdout); if (r.stderr) process.stdout.write(`[stderr]\n${r.stderr}`); if (r.exitCode !== 0) console.log(`[exit ${r.exitCode}]`);
}
