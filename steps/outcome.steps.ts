/** The outcome of the last command: success, failure, exit status, error text. */
import { expect } from 'chai';
import { defineStep } from './support/define-step.ts';
import type { ScenarioWorld } from './support/world.ts';

function describeLast(world: ScenarioWorld): string {
  const { command, result } = world.last;
  return `\`${command}\` exited with ${result.exitCode}\n--- stdout ---\n${result.stdout}--- stderr ---\n${result.stderr}`;
}

defineStep(
  {
    keyword: 'Then',
    phrase: 'the command succeeds',
    zh: ['命令成功'],
    summary: 'The last command exited with status 0.',
    example: 'Then the command succeeds',
    group: 'Outcome',
  },
  /^the command succeeds$/,
  function (this: ScenarioWorld) {
    expect(this.last.result.exitCode, describeLast(this)).to.equal(0);
  },
  [/^命令成功$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the command fails',
    zh: ['命令失败'],
    summary: 'The last command exited with a non-zero status.',
    example: 'Then the command fails',
    group: 'Outcome',
  },
  /^the command fails$/,
  function (this: ScenarioWorld) {
    expect(this.last.result.exitCode, describeLast(this)).to.not.equal(0);
  },
  [/^命令失败$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the command fails with "TEXT"',
    zh: ['命令失败并提示 "TEXT"'],
    summary: 'The last command exited with a non-zero status and its standard error contains TEXT.',
    example: 'Then the command fails with "Error from server (NotFound): services \\"nope\\" not found"',
    group: 'Outcome',
  },
  /^the command fails with "((?:[^"\\]|\\.)*)"$/,
  function (this: ScenarioWorld, text: string) {
    expect(this.last.result.exitCode, describeLast(this)).to.not.equal(0);
    expect(this.last.result.stderr, describeLast(this)).to.contain(unescapeQuoted(text));
  },
  [/^命令失败并提示 "((?:[^"\\]|\\.)*)"$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the exit code is N',
    zh: ['退出码为 N'],
    summary: 'The last command exited with status N (127: command not found, 2: shell syntax error ...).',
    example: 'Then the exit code is 127',
    group: 'Outcome',
  },
  /^the exit code is (\d+)$/,
  function (this: ScenarioWorld, code: string) {
    expect(this.last.result.exitCode, describeLast(this)).to.equal(Number(code));
  },
  [/^退出码为 (\d+)$/],
);

/** `\"` inside a quoted step parameter stands for `"`. */
export function unescapeQuoted(text: string): string {
  return text.replace(/\\(["\\])/g, '$1');
}
