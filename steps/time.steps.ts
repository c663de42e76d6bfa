/** Letting time pass and waiting for the cluster: virtual time on memory, real time with polling elsewhere. */
import { unescapeQuoted } from './outcome.steps.ts';
import { defineStep } from './support/define-step.ts';
import { ScenarioFailure } from './support/scenario-failure.ts';
import type { ScenarioWorld } from './support/world.ts';

defineStep(
  {
    keyword: 'When',
    phrase: 'I wait until `COMMAND` outputs "TEXT"',
    zh: ['我等待直到 `COMMAND` 输出 "TEXT"'],
    summary:
      'Runs COMMAND again and again until its output contains TEXT: on memory the virtual clock moves between tries, on real clusters it polls. Fails after the wait timeout (KUBE_SCENARIOS_WAIT_TIMEOUT, 120 s by default) showing the last output. The last try becomes "the output".',
    example: 'When I wait until `kubectl get svc my-nginx` outputs "LoadBalancer"',
    group: 'Time',
  },
  /^I wait until `(.*)` outputs "((?:[^"\\]|\\.)*)"$/,
  async function (this: ScenarioWorld, command: string, quoted: string) {
    const text = unescapeQuoted(quoted);
    const { waitTimeoutSeconds, waitIntervalSeconds } = this.settings;
    const held = await this.backend.waitUntil(async () => (await this.run(command)).stdout.includes(text), {
      timeoutSeconds: waitTimeoutSeconds,
      intervalSeconds: waitIntervalSeconds,
    });
    if (!held) {
      const { result } = this.last;
      throw new ScenarioFailure(
        `\`${command}\` did not output "${text}" within ${waitTimeoutSeconds} s; last try exited ${result.exitCode}:\n${result.stdout}${result.stderr}`,
      );
    }
  },
  [/^我等待直到 `(.*)` 输出 "((?:[^"\\]|\\.)*)"$/],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'N seconds pass',
    zh: ['过了 N 秒'],
    summary: 'Lets N seconds pass: the memory cluster\'s clock moves (probes run, load balancers get addresses, affinity expires); real backends sleep.',
    example: 'When 30 seconds pass',
    group: 'Time',
  },
  /^(\d+(?:\.\d+)?) seconds? pass(?:es)?$/,
  async function (this: ScenarioWorld, seconds: string) {
    await this.backend.elapse(Number(seconds));
  },
  [/^过了 (\d+(?:\.\d+)?) 秒$/],
);
