/**
 * Micro-benchmark of the embedded shell: microseconds per parse and per run
 * of a typical tutorial line. A feature suite runs hundreds of lines, so both
 * must stay in microseconds. Run: node --import tsx bench/shell-parse.ts
 */
import { performance } from 'node:perf_hooks';
import { MemoryFileSystem } from '../src/shell/memory-fs.ts';
import { parseScript } from '../src/shell/parser/parser.ts';
import { Shell } from '../src/shell/shell.ts';
import type { Program } from '../src/shell/types.ts';
import { textUtilities } from '../src/shell/utilities/index.ts';

const LINE = 'kubectl get pods -l run=my-nginx -o wide | grep Running | wc -l';
const SCRIPT = [
  'cat > ca-config.json <<EOF',
  '{ "signing": { "default": { "expiry": "87600h" } } }',
  'EOF',
  'for i in $(seq 1 3); do out=$(echo "hello $i"); echo "${out:-none}" | tr a-z A-Z; done',
  '',
].join('\n');

/** A stand-in kubectl that prints what `get pods -o wide` prints, so the run measures the shell, not a cluster. */
const kubectl: Program = () => ({
  stdout:
    'NAME                        READY   STATUS    RESTARTS   AGE   IP           NODE          NOMINATED NODE   READINESS GATES\n' +
    'my-nginx-5b56ccd65f-7lkqm   1/1     Running   0          13s   10.244.1.5   kind-worker   <none>           <none>\n' +
    'my-nginx-5b56ccd65f-zx9rp   1/1     Running   0          13s   10.244.2.7   kind-worker2  <none>           <none>\n',
  stderr: '',
  exitCode: 0,
});

function report(label: string, start: number, iterations: number): void {
  const micros = ((performance.now() - start) * 1000) / iterations;
  console.log(`${label.padEnd(44)} ${micros.toFixed(2).padStart(9)} µs`);
}

function measure(label: string, iterations: number, body: () => unknown): void {
  for (let i = 0; i < Math.min(1000, iterations); i++) body();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) body();
  report(label, start, iterations);
}

async function measureAsync(label: string, iterations: number, body: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(500, iterations); i++) await body();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await body();
  report(label, start, iterations);
}

const programs = textUtilities();
programs.set('kubectl', kubectl);
const shell = new Shell({ fs: new MemoryFileSystem({ '/work/.keep': '' }), cwd: '/work', env: new Map([['HOME', '/root']]), programs, sleep: async () => undefined });

measure('parse: kubectl | grep | wc line', 100_000, () => parseScript(LINE));
measure('parse: here-document + loop script', 20_000, () => parseScript(SCRIPT));
await measureAsync('run:   kubectl | grep | wc line', 20_000, () => shell.run(LINE));
await measureAsync('run:   here-document + loop script', 5_000, () => shell.run(SCRIPT));
