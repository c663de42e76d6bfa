/** Assertions on "the output": the standard output of the last command (and its standard error). */
import { expect } from 'chai';
import { matchTranscript } from '../src/dsl/transcript.ts';
import { formatTrace } from '../src/trace/trace.ts';
import { unescapeQuoted } from './outcome.steps.ts';
import { defineStep } from './support/define-step.ts';
import { ScenarioFailure } from './support/scenario-failure.ts';
import type { ScenarioWorld } from './support/world.ts';

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';

function shown(label: string, text: string): string {
  return `${label}:\n${text === '' ? '(empty)' : text}`;
}

defineStep(
  {
    keyword: 'Then',
    phrase: 'the output contains "TEXT"',
    zh: ['输出包含 "TEXT"'],
    summary: 'The standard output of the last command contains TEXT (write `\\"` for a quote).',
    example: 'Then the output contains "MY_NGINX_SERVICE_HOST="',
    group: 'Output',
  },
  new RegExp(`^the output contains ${QUOTED}$`),
  function (this: ScenarioWorld, text: string) {
    expect(this.last.result.stdout, shown('the output', this.last.result.stdout)).to.contain(unescapeQuoted(text));
  },
  [new RegExp(`^输出包含 ${QUOTED}$`)],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the output does not contain "TEXT"',
    zh: ['输出不包含 "TEXT"'],
    summary: 'The standard output of the last command does not contain TEXT.',
    example: 'Then the output does not contain "MY_NGINX_SERVICE_HOST"',
    group: 'Output',
  },
  new RegExp(`^the output does not contain ${QUOTED}$`),
  function (this: ScenarioWorld, text: string) {
    expect(this.last.result.stdout, shown('the output', this.last.result.stdout)).to.not.contain(unescapeQuoted(text));
  },
  [new RegExp(`^输出不包含 ${QUOTED}$`)],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the output contains:',
    zh: ['输出包含:'],
    summary: 'The standard output of the last command contains the doc string, verbatim (several lines at once).',
    example: 'Then the output contains:\n  """\n  KUBERNETES_SERVICE_HOST=10.96.0.1\n  KUBERNETES_SERVICE_PORT=443\n  """',
    group: 'Output',
    argument: 'doc string',
  },
  /^the output contains:$/,
  function (this: ScenarioWorld, text: string) {
    expect(this.last.result.stdout, shown('the output', this.last.result.stdout)).to.contain(text);
  },
  [/^输出包含[:：]$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the error output contains "TEXT"',
    zh: ['错误输出包含 "TEXT"'],
    summary: 'The standard error of the last command contains TEXT (warnings, for instance), whatever its exit status.',
    example: 'Then the error output contains "Warning: extensions/v1beta1 Ingress is deprecated"',
    group: 'Output',
  },
  new RegExp(`^the error output contains ${QUOTED}$`),
  function (this: ScenarioWorld, text: string) {
    expect(this.last.result.stderr, shown('the error output', this.last.result.stderr)).to.contain(unescapeQuoted(text));
  },
  [new RegExp(`^错误输出包含 ${QUOTED}$`)],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the output matches:',
    zh: ['输出匹配:'],
    summary:
      'Transcript match, line by line: a run of spaces matches any run of spaces; `<ip>` `<ip:port>` `<port>` `<hash>` `<age>` `<n>` `<any>` match variable parts and a line `<...>` matches any number of lines. kubectl\'s own `<none>`, `<pending>` ... and HTML tags are literal; `\\<` writes a literal `<`.',
    example:
      'Then the output matches:\n  """\n  NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n  my-nginx   ClusterIP   <ip>         <none>        80/TCP    <age>\n  """',
    group: 'Output',
    argument: 'doc string',
  },
  /^the output matches:$/,
  function (this: ScenarioWorld, expected: string) {
    const result = matchTranscript(expected, this.last.result.stdout);
    if (!result.ok) throw new ScenarioFailure(result.report ?? "the output does not match");
  },
  [/^输出匹配[:：]$/],
);

defineStep(
  {
    keyword: 'Then',
    phrase: 'the last request went through "TEXT"',
    zh: ['最后一个请求经过了 "TEXT"'],
    summary:
      'The trace of the last request a tool made (curl, wget, nslookup ...) names TEXT: a chain such as KUBE-SVC-…, a DNAT target, a pod, a DNS name. Only the memory backend traces packets (tag such scenarios @request-traces).',
    example: 'Then the last request went through "KUBE-SVC-"',
    group: 'Output',
  },
  new RegExp(`^the last request went through ${QUOTED}$`),
  function (this: ScenarioWorld, quoted: string) {
    const trace = this.backend.lastTrace();
    if (!trace) throw new ScenarioFailure('no request has been traced in this scenario (only the memory backend traces requests)');
    const text = formatTrace(trace);
    const wanted = unescapeQuoted(quoted);
    if (!text.includes(wanted)) throw new ScenarioFailure(`the last request did not go through "${wanted}":\n${text}`);
  },
  [new RegExp(`^最后一个请求经过了 ${QUOTED}$`)],
);
