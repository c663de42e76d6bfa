/**
 * A scenario's expectation that did not hold. Its report is the message alone:
 * a person reading why a transcript did not match needs the two texts, not the
 * frames of our step code. Genuine bugs (TypeError ...) keep their stack.
 */
import { redact } from '../../src/report/redact.ts';

export class ScenarioFailure extends Error {
  constructor(message: string) {
    super(redact(message));
    this.name = 'ScenarioFailure';
    this.stack = this.message;
  }
}

/** Chai's failed assertions and ours are reported by their message only, with secrets removed; everything else keeps its stack. */
export function withoutStack(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  error.message = redact(error.message);
  if (error instanceof ScenarioFailure || error.name === 'AssertionError' || error.name === 'TranscriptSyntaxError') {
    error.stack = error.message;
  } else if (error.stack) {
    error.stack = redact(error.stack);
  }
  return error;
}
