/**
 * Reads a cucumber messages file (NDJSON) into what the parity table needs:
 * per scenario, its steps in order with their status, error message and the
 * commands they ran.
 */
import type { CommandRecord } from './command-record.ts';
import { COMMAND_RECORD_MEDIA_TYPE } from './command-record.ts';

export type StepStatus = 'PASSED' | 'FAILED' | 'SKIPPED' | 'UNDEFINED' | 'PENDING' | 'AMBIGUOUS' | 'UNKNOWN';

export interface StepResult {
  text: string;
  status: StepStatus;
  message?: string;
  commands: CommandRecord[];
}

export interface ScenarioResult {
  /** feature file and scenario name: the key both runs share */
  key: string;
  uri: string;
  name: string;
  status: StepStatus;
  /** why a scenario was skipped (capability missing), from its log attachments */
  skipReason?: string;
  steps: StepResult[];
}

const SEVERITY: StepStatus[] = ['PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'UNKNOWN', 'FAILED'];

interface Envelope {
  pickle?: { id: string; uri: string; name: string; steps: { id: string; text: string }[] };
  testCase?: { id: string; pickleId: string; testSteps: { id: string; pickleStepId?: string }[] };
  testCaseStarted?: { id: string; testCaseId: string; attempt: number };
  testStepFinished?: { testCaseStartedId: string; testStepId: string; testStepResult: { status: StepStatus; message?: string } };
  attachment?: { testCaseStartedId?: string; testStepId?: string; body: string; mediaType: string; contentEncoding?: string };
}

/** Parses NDJSON messages; the last attempt of each scenario counts (retries). */
export function readScenarioResults(ndjson: string): ScenarioResult[] {
  const pickles = new Map<string, NonNullable<Envelope['pickle']>>();
  const testCases = new Map<string, NonNullable<Envelope['testCase']>>();
  const started = new Map<string, string>(); // testCaseStartedId → testCaseId
  const byPickle = new Map<string, ScenarioResult>();
  const stepOf = new Map<string, StepResult>(); // `${startedId}/${testStepId}` → step
  const hookLog = new Map<string, string[]>(); // startedId → text attachments of hooks
  const repeats = new Map<string, number>();

  for (const line of ndjson.split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as Envelope;
    if (e.pickle) pickles.set(e.pickle.id, e.pickle);
    else if (e.testCase) testCases.set(e.testCase.id, e.testCase);
    else if (e.testCaseStarted) {
      const tc = testCases.get(e.testCaseStarted.testCaseId)!;
      const pickle = pickles.get(tc.pickleId)!;
      started.set(e.testCaseStarted.id, tc.id);
      const textOf = new Map(pickle.steps.map((s) => [s.id, s.text]));
      // Outline examples share a name: number the repeats so both runs key them alike.
      const base = `${pickle.uri} › ${pickle.name}`;
      const seen = (repeats.get(base) ?? 0) + 1;
      repeats.set(base, seen);
      const result: ScenarioResult = { key: seen === 1 ? base : `${base} #${seen}`, uri: pickle.uri, name: pickle.name, status: 'PASSED', steps: [] };
      for (const ts of tc.testSteps) {
        if (!ts.pickleStepId) continue;
        const step: StepResult = { text: textOf.get(ts.pickleStepId) ?? '?', status: 'UNKNOWN', commands: [] };
        result.steps.push(step);
        stepOf.set(`${e.testCaseStarted.id}/${ts.id}`, step);
      }
      byPickle.set(pickle.id, result);
      hookLog.set(e.testCaseStarted.id, []);
    } else if (e.testStepFinished) {
      const f = e.testStepFinished;
      const step = stepOf.get(`${f.testCaseStartedId}/${f.testStepId}`);
      const tcId = started.get(f.testCaseStartedId);
      const result = tcId ? byPickle.get(testCases.get(tcId)!.pickleId) : undefined;
      if (step) {
        step.status = f.testStepResult.status;
        if (f.testStepResult.message) step.message = f.testStepResult.message;
      }
      if (result && SEVERITY.indexOf(f.testStepResult.status) > SEVERITY.indexOf(result.status)) result.status = f.testStepResult.status;
    } else if (e.attachment?.testCaseStartedId) {
      const a = e.attachment;
      const body = a.contentEncoding === 'BASE64' ? Buffer.from(a.body, 'base64').toString('utf8') : a.body;
      const startedId = a.testCaseStartedId;
      if (!startedId) continue;
      const step = a.testStepId ? stepOf.get(`${startedId}/${a.testStepId}`) : undefined;
      if (a.mediaType === COMMAND_RECORD_MEDIA_TYPE && step) step.commands.push(JSON.parse(body) as CommandRecord);
      else if (!step && a.mediaType.startsWith('text/')) hookLog.get(startedId)?.push(body);
    }
  }
  for (const [startedId, tcId] of started) {
    const result = byPickle.get(testCases.get(tcId)!.pickleId)!;
    if (result.status === 'SKIPPED') {
      const reason = hookLog.get(startedId)?.find((t) => /skip|needs|cannot|capabilit/i.test(t));
      if (reason) result.skipReason = reason.trim().split('\n')[0];
    }
  }
  return [...byPickle.values()];
}
