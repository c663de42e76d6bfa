import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { loadStepDocs, renderCatalog } from '../src/catalog/render-catalog.ts';

describe('the step catalog', () => {
  it('docs/steps.md is up to date with the step definitions (run `npm run catalog`)', async () => {
    const docs = await loadStepDocs('steps');
    expect(readFileSync('docs/steps.md', 'utf8')).to.equal(renderCatalog(docs));
  });

  it('lists every phrase of the core vocabulary', async () => {
    const phrases = (await loadStepDocs('steps')).map((d) => `${d.keyword} ${d.phrase}`);
    for (const phrase of [
      'Given a file "NAME":',
      'When I run `COMMAND`',
      'When I run:',
      'When I run `COMMAND` in pod "NAME"',
      'When I run `COMMAND` on node "NODE"',
      'When I run `COMMAND` from outside the cluster',
      'Then the command succeeds',
      'Then the command fails',
      'Then the command fails with "TEXT"',
      'Then the exit code is N',
      'Then the output contains "TEXT"',
      'Then the output does not contain "TEXT"',
      'Then the output contains:',
      'Then the error output contains "TEXT"',
      'Then the output matches:',
      'When I remember the output as "NAME"',
      'When I remember `COMMAND` as "NAME"',
      'When I wait until `COMMAND` outputs "TEXT"',
      'When N seconds pass',
    ]) {
      expect(phrases).to.include(phrase);
    }
  });

  it('documents every phrase with a summary and an example', async () => {
    for (const doc of await loadStepDocs('steps')) {
      expect(doc.summary.length, doc.phrase).to.be.greaterThan(10);
      expect(doc.example.length, doc.phrase).to.be.greaterThan(5);
    }
  });
});
