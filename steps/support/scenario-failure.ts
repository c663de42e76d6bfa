/**
 * A scenario's expectation that did not hold. Its report is the message alone:
 * a person reading why a transcript did not match needs the two texts, not the
 * frames of our step code. Genuine bugs (TypeError ...) keep their stack.
 */
export class ScenarioFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioFailure';
    this.stack = message;
  }
}

/** Chai's failed assertions and ours are reported by their message only. */
export function withoutStack(error: unknown): unknown {
  if (error instanceof Error && (error instanceof ScenarioFailure || error.name === 'AssertionError' || error.name === 'TranscriptSyntaxError')) {
    error.stack = error.message;
  }
  return error;
}
