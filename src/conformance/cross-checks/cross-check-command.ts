/**
 * `npm run cross-check`: cross-checks that need no scenario. The fixture
 * (fixture.yaml) goes to the reference cluster (scripts/reference-cluster) and
 * to the memory backend; their kubectl outputs, DNS answers and kube-proxy nat
 * tables are compared once addresses, names and chain hashes are mapped to the
 * objects they belong to. Prints the summary, writes reports/cross-check.md
 * and every raw output under reports/cross-check/.
 *
 *   npm run cross-check -- [--only kubectl,dns,iptables] [--seed S] [--keep] [--kubeconfig PATH]
 *
 * Exit status: 0 when everything matches or every difference is recorded in
 * known-differences.yaml, 1 otherwise, 2 when the reference cluster is not up,
 * 3 when another run holds the lock.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KUBERNETES_VERSION, layout } from '../../../reference-cluster/layout.ts';
import { renderMarkdown, renderText, crossCheckPassed } from './cross-check-report.ts';
import { loadFixture } from './fixture.ts';
import { KNOWN_DIFFERENCES_FILE, loadKnownDifferences } from './known-differences.ts';
import { rawOutputRecorder } from './raw-outputs.ts';
import { referenceClusterDown } from './reference-availability.ts';
import type { CheckGroup } from './run-cross-checks.ts';
import { CHECK_GROUPS, runCrossChecks } from './run-cross-checks.ts';
import { RUN_LOCK_PATH, takeRunLock } from './run-lock.ts';

const REPORT = 'reports/cross-check.md';
const RAW = 'reports/cross-check';

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { only: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean' }, kubeconfig: { type: 'string' } },
  });
  const checks = new Set((values.only ?? CHECK_GROUPS.join(',')).split(',').map((c) => c.trim()) as CheckGroup[]);
  for (const c of checks) if (!CHECK_GROUPS.includes(c)) throw new Error(`unknown check "${c}": choose from ${CHECK_GROUPS.join(', ')}`);
  const l = layout();
  const kubeconfig = values.kubeconfig ?? l.kubeconfig;
  const down = referenceClusterDown(l, kubeconfig);
  if (down) {
    console.error(`cross-check: the reference cluster is not up: ${down}`);
    return 2;
  }
  const lock = takeRunLock(RUN_LOCK_PATH);
  if ('heldBy' in lock) {
    console.error(`cross-check: another run (pid ${lock.heldBy}) holds ${RUN_LOCK_PATH}`);
    return 3;
  }
  try {
    const seed = values.seed ?? 'cross-check';
    const fixture = loadFixture();
    const log = (line: string) => console.log(`cross-check: ${line}`);
    const results = await runCrossChecks({
      layout: l,
      kubeconfig,
      fixture,
      known: loadKnownDifferences(KNOWN_DIFFERENCES_FILE),
      checks,
      seed,
      keepNamespace: values.keep ?? false,
      record: rawOutputRecorder(RAW),
      log,
    });
    const header = {
      title: 'Cross-check: reference cluster against the memory backend',
      details: [
        `reference: Kubernetes ${KUBERNETES_VERSION} (scripts/reference-cluster), kubectl 1.31, CoreDNS at 172.18.0.2, kube-proxy ${KUBERNETES_VERSION} for kind-worker`,
        `memory: seed ${seed}`,
        `fixture: src/conformance/cross-checks/fixture.yaml (namespace ${fixture.namespace}); known differences: src/conformance/cross-checks/known-differences.yaml`,
        `raw outputs: ${RAW}/reference/, ${RAW}/memory/`,
      ],
    };
    console.log('');
    console.log(renderText(header, results));
    mkdirSync('reports', { recursive: true });
    writeFileSync(REPORT, renderMarkdown(header, results));
    console.log(`report: ${REPORT}`);
    return crossCheckPassed(results) ? 0 : 1;
  } finally {
    lock.release();
  }
}

process.exitCode = await main();
