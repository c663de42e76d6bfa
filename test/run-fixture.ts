/** Runs cucumber on fixture features in-process and captures what it prints, for the runner's own tests. */
import { PassThrough } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';

export interface FixtureRun {
  success: boolean;
  output: string;
}

/** Step definitions load once per process (ES modules are cached); later runs reuse the library. */
let support: unknown;

export async function runFixture(paths: string[], format = 'progress', moreFormats: string[] = []): Promise<FixtureRun> {
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const environment = { stdout, stderr: stdout, env: { ...process.env, KUBE_SCENARIOS_SEED: 'fixture' } };
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths,
        import: ['steps/register-typescript.mjs', 'steps/**/*.ts'],
        format: [format, ...moreFormats],
        formatOptions: { snippetInterface: 'async-await' },
        worldParameters: { backend: 'memory' },
      },
    },
    environment,
  );
  const result = await runCucumber(support ? { ...runConfiguration, support: support as never } : runConfiguration, environment);
  support ??= result.support;
  const { success } = result;
  stdout.end();
  return { success, output: Buffer.concat(chunks).toString('utf8') };
}
