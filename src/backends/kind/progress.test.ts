import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Progress } from './progress.ts';

describe('progress lines', () => {
  it('start each step and end it with ✓ and its duration', async () => {
    const lines: string[] = [];
    let now = 1000;
    const p = new Progress((t) => lines.push(t), () => now);
    p.note('Creating cluster "kind" ...');
    const value = await p.step('Preparing nodes 📦', async () => {
      now += 2500;
      return 42;
    });
    expect(value).to.equal(42);
    expect(lines.join('')).to.equal('Creating cluster "kind" ...\n • Preparing nodes 📦\n ✓ Preparing nodes 📦 (2.5s)\n');
  });
  it('end a failed step with ✗ and pass the error on', async () => {
    const lines: string[] = [];
    const p = new Progress((t) => lines.push(t), () => 0);
    let caught: unknown;
    await p.step('Installing CNI 🔌', async () => {
      throw new Error('exit status 1');
    }).catch((e) => (caught = e));
    expect((caught as Error).message).to.equal('exit status 1');
    expect(lines).to.deep.equal([' • Installing CNI 🔌\n', ' ✗ Installing CNI 🔌 (0.0s)\n']);
  });
});
