/** Remembering values for later steps: `${NAME}` is replaced in every later step text, doc string and table cell. */
import { defineStep } from './support/define-step.ts';
import { ScenarioFailure } from './support/scenario-failure.ts';
import type { ScenarioWorld } from './support/world.ts';

defineStep(
  {
    keyword: 'When',
    phrase: 'I remember the output as "NAME"',
    zh: ['我记住输出为 "NAME"'],
    summary: 'Remembers the last command\'s standard output, trimmed, as NAME; later steps write it as `${NAME}`.',
    example: 'When I remember the output as "CLUSTER_IP"',
    group: 'Variables',
  },
  /^I remember the output as "([A-Za-z_][A-Za-z0-9_]*)"$/,
  function (this: ScenarioWorld, name: string) {
    this.vars.set(name, this.last.result.stdout.trim());
  },
  [/^我记住输出为 "([A-Za-z_][A-Za-z0-9_]*)"$/],
);

defineStep(
  {
    keyword: 'When',
    phrase: 'I remember `COMMAND` as "NAME"',
    zh: ['我记住 `COMMAND` 为 "NAME"'],
    summary: 'Runs COMMAND on the user\'s machine and remembers its trimmed standard output as NAME. A failing command fails the step, since there would be nothing to remember.',
    example: "When I remember `kubectl get svc my-nginx -o jsonpath='{.spec.clusterIP}'` as \"CLUSTER_IP\"",
    group: 'Variables',
  },
  /^I remember `(.*)` as "([A-Za-z_][A-Za-z0-9_]*)"$/,
  async function (this: ScenarioWorld, command: string, name: string) {
    const result = await this.run(command);
    if (result.exitCode !== 0) throw new ScenarioFailure(`\`${command}\` exited with ${result.exitCode}; nothing to remember:\n${result.stderr}`);
    this.vars.set(name, result.stdout.trim());
  },
  [/^我记住 `(.*)` 为 "([A-Za-z_][A-Za-z0-9_]*)"$/],
);
