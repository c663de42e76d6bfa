/**
 * `npm run features`: runs the feature files through cucumber's programmatic API.
 * It fixes the run's seed before cucumber starts, so every parallel worker and
 * every scenario derives its random choices from the same printed seed, and it
 * is where real clusters shared by all workers are set up.
 *
 *   npm run features -- [--backend memory|kind|kubeconfig] [--seed S] [--parallel N]
 *                       [--shard I/N] [--tags EXPR] [--name REGEX] [PATH ...]
 *                       [kind options: --keep-cluster, --workers N ... (src/backends/kind/cluster-options.ts)]
 */
import { parseArgs } from 'node:util';
import { loadConfiguration, loadSources, runCucumber } from '@cucumber/cucumber/api';
import { KIND_FLAGS, KIND_USAGE, readKindOptions, type KindOptionsInput } from '../backends/kind/cluster-options.ts';
import type { PreparedKindRun } from '../backends/kind/kind-run.ts';
import { parseBackendName, SettingsError } from '../backend/run-settings.ts';
import { newRunSeed } from '../random/seeded-random.ts';

const USAGE = `usage: npm run features -- [--backend memory|kind|kubeconfig] [--seed SEED] [--parallel N] [--shard I/N] [--tags EXPR] [--name REGEX] [PATH ...]
${KIND_USAGE}`;

interface FeatureRunOptions {
  backend: string;
  seed: string;
  parallel?: number;
  shard?: string;
  tags?: string;
  names: string[];
  paths: string[];
  /** --backend kind: the cluster to make or reuse. */
  kind?: KindOptionsInput;
}

function parseCommandLine(argv: string[]): FeatureRunOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      backend: { type: 'string' },
      seed: { type: 'string' },
      parallel: { type: 'string' },
      shard: { type: 'string' },
      tags: { type: 'string', short: 't' },
      name: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      ...KIND_FLAGS,
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const backend = parseBackendName(values.backend ?? process.env.KUBE_SCENARIOS_BACKEND ?? 'memory');
  let parallel: number | undefined;
  if (values.parallel !== undefined) {
    parallel = Number(values.parallel);
    if (!Number.isInteger(parallel) || parallel < 1) throw new SettingsError(`--parallel takes a whole number of workers, not "${values.parallel}"`);
  }
  if (values.shard !== undefined && !/^\d+\/\d+$/.test(values.shard)) throw new SettingsError(`--shard takes INDEX/TOTAL, e.g. 1/3, not "${values.shard}"`);
  if (values.shard !== undefined) {
    // cucumber counts shards from 1; shard 0 or 5/4 would silently run nothing.
    const [index, total] = values.shard.split('/').map(Number);
    if (index < 1 || index > total) throw new SettingsError(`--shard ${values.shard}: INDEX counts from 1 to TOTAL`);
  }
  return {
    backend,
    seed: values.seed ?? process.env.KUBE_SCENARIOS_SEED ?? newRunSeed(),
    parallel,
    shard: values.shard,
    tags: values.tags,
    names: values.name ?? [],
    paths: positionals,
    kind: backend === 'kind' ? readKindOptions(values, process.env) : undefined,
  };
}

async function main(): Promise<number> {
  let options: FeatureRunOptions;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  // Workers read the environment too: keep the seed and backend there for them.
  process.env.KUBE_SCENARIOS_SEED = options.seed;
  process.env.KUBE_SCENARIOS_BACKEND = options.backend;
  console.log(`kube-scenarios: backend ${options.backend}, seed ${options.seed}`);

  const { runConfiguration } = await loadConfiguration({
    profiles: options.backend === 'memory' ? [] : [options.backend],
    provided: {
      ...(options.paths.length > 0 ? { paths: options.paths } : {}),
      ...(options.parallel ? { parallel: options.parallel } : {}),
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.tags ? { tags: options.tags } : {}),
      ...(options.names.length > 0 ? { name: options.names } : {}),
      worldParameters: { backend: options.backend, seed: options.seed },
    },
  });
  // kind: one cluster for every worker, made before cucumber starts (its workers cannot share one they make).
  let kindRun: PreparedKindRun | undefined;
  if (options.kind) {
    const { prepareKindRun } = await import('../backends/kind/kind-run.ts');
    const { plan } = await loadSources(runConfiguration.sources);
    try {
      kindRun = await prepareKindRun(options.kind, [...new Set(plan.map((p) => p.uri))], process.env, (text) => process.stderr.write(text));
    } catch (error) {
      console.error(`error: ${(error as Error).message}`);
      return 2;
    }
    Object.assign(runConfiguration.runtime.worldParameters, JSON.parse(JSON.stringify(kindRun.worldParameters)));
  }
  let success = false;
  try {
    ({ success } = await runCucumber(runConfiguration));
  } finally {
    await kindRun?.finish();
  }
  console.log(`kube-scenarios: seed ${options.seed} (replay: npm run features -- --seed ${options.seed})`);
  console.log('reports: reports/cucumber.html, reports/junit.xml, reports/messages.ndjson');
  return success ? 0 : 1;
}

process.exitCode = await main();
