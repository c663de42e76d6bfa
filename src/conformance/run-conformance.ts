/**
 * `npm run conformance`: runs every scenario tagged @conformance on the memory
 * backend and on the reference cluster (scripts/reference-cluster, through the
 * kubeconfig backend), then prints the parity table and writes it to
 * reports/conformance.md and reports/conformance.json.
 *
 *   npm run conformance -- [--seed S] [--kubeconfig PATH] [--tags EXPR] [PATH ...]
 *   npm run conformance -- --compare-only   the table again from the last runs' messages
 *
 * Exit status: 0 when every runnable scenario is identical or differs only for
 * a recorded reason (features/conformance-differences.yaml), 1 otherwise,
 * 2 when the reference cluster is not up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { layout } from '../../reference-cluster/layout.ts';
import { REFERENCE_CONTEXT } from '../../reference-cluster/kubeconfig-file.ts';
import type { KnownDifference } from './parity.ts';
import { compareRuns, countVerdicts } from './parity.ts';
import { renderParityMarkdown, renderParityText } from './parity-table.ts';
import { readScenarioResults } from './scenario-results.ts';

const REPORTS = 'reports/conformance';
const KNOWN_DIFFERENCES = 'features/conformance-differences.yaml';

/** What the reference cluster offers beyond plain API objects, per stage (see reference-cluster/). */
function referenceCapabilities(stage: string): string {
  return stage === '2' ? 'outside-client' : '';
}

/** Stage 2's nodes are network namespaces of this machine: the kubeconfig backend's node shell enters them. */
function referenceNodeShells(stage: string): NodeJS.ProcessEnv {
  return stage === '2' ? { KUBE_SCENARIOS_NODE_NETNS: 'kind-control-plane=ks-control-plane,kind-worker=ks-worker,kind-worker2=ks-worker2' } : {};
}

function runOn(backend: 'memory' | 'kubeconfig', seed: string, tags: string, paths: string[], env: NodeJS.ProcessEnv): string {
  mkdirSync(REPORTS, { recursive: true });
  const messages = join(REPORTS, `${backend === 'memory' ? 'memory' : 'reference'}.ndjson`);
  const args = [
    'node_modules/@cucumber/cucumber/bin/cucumber.js',
    ...(backend === 'memory' ? [] : ['--profile', 'kubeconfig']),
    '--tags', tags,
    '--format', `message:${messages}`,
    '--format', `html:${join(REPORTS, backend === 'memory' ? 'memory.html' : 'reference.html')}`,
    '--world-parameters', JSON.stringify({ backend, seed }),
    ...paths,
  ];
  console.log(`conformance: running ${tags} on ${backend === 'memory' ? 'memory' : 'the reference cluster'} ...`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env, KUBE_SCENARIOS_BACKEND: backend, KUBE_SCENARIOS_SEED: seed, KUBE_SCENARIOS_RECORD_OUTPUTS: '1' },
  });
  console.log(`conformance: ${backend} run ended with status ${r.status} in ${Math.round((Date.now() - started) / 1000)}s`);
  return readFileSync(messages, 'utf8');
}

/**
 * The kubectl client the reference run uses: the memory backend imitates 1.31,
 * so a 1.31 client keeps the comparison to the server (KUBE_SCENARIOS_KUBECTL names another).
 */
function kubectlOnPath(): NodeJS.ProcessEnv {
  const candidates = [process.env.KUBE_SCENARIOS_KUBECTL, '/usr/lib/google-cloud-sdk/bin/kubectl.1.31'].filter((c): c is string => !!c && existsSync(c));
  if (candidates.length === 0) return {};
  const dir = join(REPORTS, 'bin');
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, 'kubectl'), { force: true });
  symlinkSync(candidates[0], join(dir, 'kubectl'));
  console.log(`conformance: kubectl on the reference cluster is ${candidates[0]}`);
  return { PATH: `${resolve(dir)}:${process.env.PATH ?? ''}` };
}

function referenceIsUp(kubeconfig: string): string | undefined {
  if (!existsSync(kubeconfig)) return `no kubeconfig at ${kubeconfig}`;
  const r = spawnSync('kubectl', ['--kubeconfig', kubeconfig, 'get', '--raw', '/readyz'], { encoding: 'utf8', timeout: 15_000 });
  return r.status === 0 ? undefined : (r.stderr || r.stdout || 'no answer').trim();
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { seed: { type: 'string' }, kubeconfig: { type: 'string' }, tags: { type: 'string' }, 'compare-only': { type: 'boolean' } },
  });
  const compareOnly = values['compare-only'] === true;
  const l = layout();
  const kubeconfig = values.kubeconfig ?? l.kubeconfig;
  const down = compareOnly ? undefined : referenceIsUp(kubeconfig);
  if (down) {
    console.error(`conformance: the reference cluster is not up (${down}); start it with: sudo scripts/reference-cluster up`);
    return 2;
  }
  const stage = existsSync(join(l.runDir, 'stage')) ? readFileSync(join(l.runDir, 'stage'), 'utf8').trim() : '1';
  const seed = values.seed ?? 'conformance';
  const tags = values.tags ?? '@conformance';
  const memory = readScenarioResults(compareOnly ? readFileSync(join(REPORTS, 'memory.ndjson'), 'utf8') : runOn('memory', seed, tags, positionals, {}));
  const reference = readScenarioResults(
    compareOnly ? readFileSync(join(REPORTS, 'reference.ndjson'), 'utf8') : runOn('kubeconfig', seed, tags, positionals, {
      KUBECONFIG: kubeconfig,
      KUBE_SCENARIOS_ALLOW_CONTEXT: REFERENCE_CONTEXT,
      ...kubectlOnPath(),
      ...referenceNodeShells(stage),
      KUBE_SCENARIOS_CAPABILITIES: process.env.KUBE_SCENARIOS_CAPABILITIES ?? referenceCapabilities(stage),
    }),
  );
  const known = existsSync(KNOWN_DIFFERENCES) ? ((parse(readFileSync(KNOWN_DIFFERENCES, 'utf8')) as KnownDifference[] | null) ?? []) : [];
  const rows = compareRuns(memory, reference, known);
  const counts = countVerdicts(rows);
  console.log('');
  console.log(renderParityText(rows, counts));
  writeFileSync('reports/conformance.md', renderParityMarkdown(rows, counts, `Parity: memory vs reference cluster (stage ${stage}, seed ${seed})`));
  writeFileSync('reports/conformance.json', JSON.stringify({ stage, seed, counts, rows }, null, 2));
  console.log('reports: reports/conformance.md, reports/conformance.json, reports/conformance/{memory,reference}.html');
  return counts.differing > 0 || counts.missing > 0 ? 1 : 0;
}

process.exitCode = await main();
