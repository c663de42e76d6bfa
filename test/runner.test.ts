import { describe, it } from 'node:test';
import { expect } from 'chai';
import { runFixture } from './run-fixture.ts';

// The runner's answers to bad input (issue: "The runner, the transcript DSL and the project skeleton").
describe('the runner on bad feature files', () => {
  it('fails an undefined step with cucumber\'s snippet, no stack trace', async () => {
    const run = await runFixture(['test/fixtures/undefined-step.feature']);
    expect(run.success).to.equal(false);
    expect(run.output).to.contain('Undefined. Implement with the following snippet:');
    expect(run.output).to.contain("When('I frobnicate the cluster with {int} nodes', async function (int) {");
    expect(run.output).to.not.match(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  it('names an unknown placeholder in a transcript', async () => {
    const run = await runFixture(['test/fixtures/bad-placeholder.feature']);
    expect(run.success).to.equal(false);
    expect(run.output).to.contain('unknown placeholder <ipp> on line 1 of the expected output');
  });

  it('shows a failed transcript side by side with the first differing line marked', async () => {
    const run = await runFixture(['test/fixtures/mismatch.feature']);
    expect(run.success).to.equal(false);
    expect(run.output).to.contain('expected line 2 "web    1/1" against actual line 2 "web    0/1"');
    expect(run.output).to.match(/>\s+web    1\/1\s+\| web    0\/1/);
  });

  it('runs a scenario whose capability tags the memory backend provides', async () => {
    const run = await runFixture(['test/fixtures/capability.feature']);
    expect(run.success, run.output).to.equal(true);
  });
});
