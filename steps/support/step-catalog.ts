/**
 * Step definitions are registered through `defineStep`, which keeps each
 * phrase's documentation as data: the catalog (docs/steps.md) is generated
 * from it, never written by hand.
 */

export type Keyword = 'Given' | 'When' | 'Then';

export interface StepDoc {
  keyword: Keyword;
  /** The phrase as a person reads it, with its parameters in capitals: I run `COMMAND` */
  phrase: string;
  /** Chinese (zh-CN) phrasings bound to the same definition. */
  zh?: string[];
  /** What the step does, in a sentence or two. */
  summary: string;
  /** One example line as it appears in a feature file (doc string lines after it, if any). */
  example: string;
  /** The catalog section. */
  group: string;
  /** Takes a doc string (`"""`) or a data table after the step line. */
  argument?: 'doc string' | 'data table';
}

/** Every documented step, in registration order. */
export const stepCatalog: StepDoc[] = [];
