/**
 * The World of one scenario: the backend it talks to, what it remembered, and
 * the last command's result, which the `Then the output ...` steps read.
 */
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import type { Backend, Place, ScriptResult } from '../../src/backend/backend.ts';
import type { RunSettings } from '../../src/backend/run-settings.ts';
import { ScenarioVariables } from '../../src/dsl/variables.ts';
import { redact } from '../../src/report/redact.ts';
import { renderTraceSvg } from '../../src/report/trace-svg.ts';
import { formatTrace } from '../../src/trace/trace.ts';
import { currentBackend, currentSettings } from './backend-session.ts';
import { COMMAND_RECORD_MEDIA_TYPE } from '../../src/conformance/command-record.ts';

export interface LastCommand {
  command: string;
  place: Place;
  result: ScriptResult;
}

export class ScenarioWorld extends World {
  readonly vars = new ScenarioVariables();
  private lastCommand?: LastCommand;

  constructor(options: IWorldOptions) {
    super(options);
  }

  get backend(): Backend {
    return currentBackend();
  }

  get settings(): RunSettings {
    return currentSettings();
  }

  /** Runs a command line or script at a place and keeps its result as "the last command". */
  async run(command: string, place: Place = { kind: 'local' }, stdin?: string): Promise<ScriptResult> {
    const result = await this.backend.run(command, place, stdin);
    this.lastCommand = { command, place, result };
    // The conformance run compares every command's output across backends (src/conformance).
    if (process.env.KUBE_SCENARIOS_RECORD_OUTPUTS === '1') {
      await this.attach(redact(JSON.stringify({ command, place: place.kind, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr })), {
        mediaType: COMMAND_RECORD_MEDIA_TYPE,
        fileName: `command: ${command.split('\n')[0]}`,
      });
    }
    // Every request a tool made: its path as text and as a picture, inline in the HTML report.
    for (const trace of result.traces ?? []) {
      await this.attach(redact(formatTrace(trace)), { mediaType: 'text/plain', fileName: `trace: ${trace.request}` });
      // A Buffer is attached base64-encoded, which the HTML report needs to draw an image inline.
      await this.attach(Buffer.from(renderTraceSvg(trace), 'utf8'), { mediaType: 'image/svg+xml', fileName: `path: ${trace.request}` });
    }
    return result;
  }

  /** The last command's result; a Then step before any command is an authoring error. */
  get last(): LastCommand {
    if (!this.lastCommand) throw new Error('no command has run yet in this scenario: a "When I run ..." step must come first');
    return this.lastCommand;
  }

  /** Sets "the output" without running a command (used by steps that compute an output). */
  setLast(last: LastCommand): void {
    this.lastCommand = last;
  }
}

setWorldConstructor(ScenarioWorld);
