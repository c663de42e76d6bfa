/**
 * Compares two runs of the same scenarios, step by step: a step differs when
 * its status differs or when a command it ran printed something else once
 * names, addresses and ages are normalised. Known differences (data, with their
 * reasons) are named in the verdict instead of counted as unexplained.
 */
import type { CommandRecord } from './command-record.ts';
import { normaliseOutput } from './normalise-output.ts';
import type { ScenarioResult, StepResult } from './scenario-results.ts';

export interface KnownDifference {
  /** substring of the scenario key (feature uri › name) */
  scenario: string;
  /** substring of the step text; absent: any step */
  step?: string;
  reason: string;
}

export interface StepDifference {
  step: string;
  memory: string;
  reference: string;
  knownReason?: string;
}

export type Verdict = 'identical' | 'differing' | 'explained' | 'not runnable' | 'missing';

export interface ScenarioParity {
  key: string;
  memory: string;
  reference: string;
  verdict: Verdict;
  reason?: string;
  differences: StepDifference[];
}

/**
 * A waiting step runs its command until the output is right: how many polls
 * that took depends on the cluster's speed, so only the last of a run of the
 * same command counts.
 */
export function settledCommands(commands: CommandRecord[]): CommandRecord[] {
  return commands.filter((c, i) => commands[i + 1]?.command !== c.command);
}

function render(step: StepResult | undefined): string {
  if (!step) return '(no such step)';
  const lines = [`[${step.status}]`];
  for (const c of settledCommands(step.commands)) lines.push(...renderCommand(c));
  if (step.status === 'FAILED' && step.message) lines.push(...step.message.split('\n').slice(0, 12).map((l) => `! ${l}`));
  return lines.join('\n');
}

function renderCommand(c: CommandRecord): string[] {
  const out = [`$ ${normaliseOutput(c.command)}${c.place === 'local' ? '' : `   (${c.place})`}`];
  if (c.stdout) out.push(normaliseOutput(c.stdout));
  if (c.stderr) out.push(...normaliseOutput(c.stderr).split('\n').map((l) => `stderr: ${l}`));
  if (c.exitCode !== 0) out.push(`exit ${c.exitCode}`);
  return out;
}

/** Steps that poll until a condition holds: what they saw last depends on timing, so only their status counts. */
function isWaitingStep(step: StepResult): boolean {
  return /^(I wait until|I wait for|我等待|等待)/.test(step.text);
}

/**
 * The kubelet builds a container's service variables from a Go map
 * (pkg/kubelet/kubelet_pods.go getServiceEnvVarMap), so their order differs per
 * container on a real cluster: env listings compare as sorted lines.
 */
function comparableStdout(c: CommandRecord): string {
  const out = normaliseOutput(c.stdout);
  return /\b(env|printenv)\b/.test(c.command) ? out.split('\n').sort().join('\n') : out;
}

function comparable(step: StepResult): string {
  if (isWaitingStep(step)) return step.status;
  return [step.status, ...settledCommands(step.commands).flatMap((c) => [normaliseOutput(c.command), comparableStdout(c), normaliseOutput(c.stderr), String(c.exitCode)])].join('\u0000');
}

function status(r: ScenarioResult | undefined): string {
  if (!r) return 'absent';
  return r.status.toLowerCase();
}

function known(known: KnownDifference[], key: string, step?: string): KnownDifference | undefined {
  return known.find((k) => key.includes(k.scenario) && (k.step === undefined || (step !== undefined && step.includes(k.step))));
}

/** One row per scenario of either run, in the memory run's order. */
export function compareRuns(memory: ScenarioResult[], reference: ScenarioResult[], knownDifferences: KnownDifference[] = []): ScenarioParity[] {
  const ref = new Map(reference.map((r) => [r.key, r]));
  const keys = [...new Set([...memory.map((m) => m.key), ...reference.map((r) => r.key)])];
  const mem = new Map(memory.map((m) => [m.key, m]));
  return keys.map((key) => {
    const m = mem.get(key);
    const r = ref.get(key);
    const row: ScenarioParity = { key, memory: status(m), reference: status(r), verdict: 'identical', differences: [] };
    if (!m || !r) return { ...row, verdict: 'missing', reason: `not run on ${m ? 'the reference cluster' : 'memory'}` };
    if (r.status === 'SKIPPED') return { ...row, verdict: 'not runnable', reason: r.skipReason ?? 'skipped' };
    const count = Math.max(m.steps.length, r.steps.length);
    for (let i = 0; i < count; i++) {
      const ms = m.steps[i];
      const rs = r.steps[i];
      if (ms && rs && comparable(ms) === comparable(rs)) continue;
      // Steps after a failure are skipped on that side: the failure is the difference worth showing.
      if (ms?.status === 'SKIPPED' && rs?.status === 'SKIPPED') continue;
      const text = (ms ?? rs)!.text;
      const k = known(knownDifferences, key, text);
      row.differences.push({ step: text, memory: render(ms), reference: render(rs), ...(k ? { knownReason: k.reason } : {}) });
      if (rs?.status === 'FAILED' || ms?.status === 'FAILED') break;
    }
    if (row.differences.length === 0) return row;
    const unexplained = row.differences.filter((d) => !d.knownReason);
    if (unexplained.length === 0) return { ...row, verdict: 'explained', reason: [...new Set(row.differences.map((d) => d.knownReason))].join('; ') };
    return { ...row, verdict: 'differing' };
  });
}

export interface ParityCounts {
  identical: number;
  explained: number;
  differing: number;
  notRunnable: number;
  missing: number;
}

export function countVerdicts(rows: ScenarioParity[]): ParityCounts {
  const n = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  return { identical: n('identical'), explained: n('explained'), differing: n('differing'), notRunnable: n('not runnable'), missing: n('missing') };
}
