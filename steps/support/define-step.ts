/**
 * The one way steps are registered: records the phrase's documentation, binds
 * the Chinese aliases to the same function, and substitutes remembered
 * `${VAR}` values in every argument before the step body sees them.
 *
 * KUBE_SCENARIOS_NOOP_STEPS=1 binds every phrase to a function that does
 * nothing: the benchmark measures cucumber's own floor with it.
 * KUBE_SCENARIOS_CATALOG=1 records documentation without touching cucumber.
 */
import { DataTable, Given, Then, When } from '@cucumber/cucumber';
import { withoutStack } from './scenario-failure.ts';
import { stepCatalog, type StepDoc } from './step-catalog.ts';
import type { ScenarioWorld } from './world.ts';

type StepBody = (this: ScenarioWorld, ...args: any[]) => unknown;

const register = { Given, When, Then };
const noop = process.env.KUBE_SCENARIOS_NOOP_STEPS === '1';
const catalogOnly = process.env.KUBE_SCENARIOS_CATALOG === '1';

function substituteArgument(world: ScenarioWorld, arg: unknown): unknown {
  if (typeof arg === 'string') return world.vars.substitute(arg);
  if (arg instanceof DataTable) return new DataTable(arg.raw().map((row) => row.map((cell) => world.vars.substitute(cell))));
  return arg;
}

/** A translated phrase whose parameters come in another order: argOrder[i] is the body parameter the i-th capture fills. */
export interface ReorderedPattern {
  pattern: RegExp;
  argOrder: number[];
}

/** How many groups a pattern captures. */
function captureCount(pattern: RegExp): number {
  return new RegExp(`${pattern.source}|`).exec('')!.length - 1;
}

function bind(body: StepBody, arity: number, argOrder?: number[]): StepBody {
  const wrapped = noop
    ? function noopStep() {}
    : async function substituted(this: ScenarioWorld, ...args: unknown[]) {
        // cucumber appends a callback after the step's own arguments (user_code_runner.js): drop it.
        let values = args.slice(0, arity).map((arg) => substituteArgument(this, arg));
        if (argOrder) {
          const ordered = [...values];
          argOrder.forEach((target, i) => (ordered[target] = values[i]));
          values = ordered;
        }
        try {
          return await body.apply(this, values);
        } catch (error) {
          throw withoutStack(error);
        }
      };
  // cucumber checks the function's arity against the pattern's captures (plus a doc string or table).
  Object.defineProperty(wrapped, 'length', { value: arity });
  return wrapped;
}

/**
 * Calls a cucumber definer with this module's own stack frames hidden, so that
 * cucumber records the step file and line that called defineStep as the
 * definition's location (reports and `--format usage` show it).
 */
function defineAtCaller(definer: typeof Given, pattern: RegExp, fn: StepBody): void {
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, frames) => {
    const visible = frames.filter((f) => !(f.getFileName() ?? '').includes('/steps/support/define-step.ts'));
    return original ? original(error, visible) : [String(error), ...visible.map((f) => `    at ${f}`)].join('\n');
  };
  try {
    definer(pattern, fn as any);
  } finally {
    Error.prepareStackTrace = original;
  }
}

/**
 * Registers `pattern` (and each of `zhPatterns`) for `body`, documented by `doc`.
 * Patterns are regular expressions so that backtick-quoted commands are matched exactly.
 */
export function defineStep(doc: StepDoc, pattern: RegExp, body: StepBody, zhPatterns: (RegExp | ReorderedPattern)[] = []): void {
  stepCatalog.push(doc);
  if (catalogOnly) return;
  const definer = register[doc.keyword];
  // A doc string or data table comes after the captures.
  const trailing = Math.max(0, body.length - captureCount(pattern));
  defineAtCaller(definer, pattern, bind(body, body.length));
  for (const zh of zhPatterns) {
    const alias = zh instanceof RegExp ? zh : zh.pattern;
    defineAtCaller(definer, alias, bind(body, captureCount(alias) + trailing, zh instanceof RegExp ? undefined : zh.argOrder));
  }
}
