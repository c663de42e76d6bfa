import { describe, it } from 'node:test';
import { expect } from 'chai';
import { compareRuns, countVerdicts, settledCommands } from './parity.ts';
import type { ScenarioResult } from './scenario-results.ts';

const cmd = (command: string, stdout: string, exitCode = 0) => ({ command, place: 'local', exitCode, stdout, stderr: '' });

function scenario(key: string, status: ScenarioResult['status'], steps: ScenarioResult['steps'], skipReason?: string): ScenarioResult {
  return { key, uri: key.split(' › ')[0], name: key.split(' › ')[1], status, steps, ...(skipReason ? { skipReason } : {}) };
}

describe('compareRuns', () => {
  const memory = [
    scenario('a.feature › same after normalising', 'PASSED', [{ text: 'I run `kubectl get pods`', status: 'PASSED', commands: [cmd('kubectl get pods', 'web-5d4f8c9b6-x7k9b   1/1   Running   0   3s')] }]),
    scenario('a.feature › differs', 'PASSED', [{ text: 'I run `kubectl get svc`', status: 'PASSED', commands: [cmd('kubectl get svc', 'web   ClusterIP   10.96.0.7   <none>   80/TCP   1s')] }]),
    scenario('a.feature › needs a node shell', 'PASSED', [{ text: 'x', status: 'PASSED', commands: [] }]),
    scenario('a.feature › known', 'PASSED', [{ text: 'I run `kubectl version`', status: 'PASSED', commands: [cmd('kubectl version', 'Server Version: v1.31.0')] }]),
  ];
  const reference = [
    scenario('a.feature › same after normalising', 'PASSED', [{ text: 'I run `kubectl get pods`', status: 'PASSED', commands: [cmd('kubectl get pods', 'web-6c9b7d9f-q2w4z  1/1  Running  0  12s')] }]),
    scenario('a.feature › differs', 'FAILED', [{ text: 'I run `kubectl get svc`', status: 'FAILED', message: 'expected ...', commands: [cmd('kubectl get svc', 'web   NodePort   10.96.0.9   <none>   80:30001/TCP   1s')] }]),
    scenario('a.feature › needs a node shell', 'SKIPPED', [{ text: 'x', status: 'SKIPPED', commands: [] }], 'skipped: the kubeconfig backend cannot provide @node-shell'),
    scenario('a.feature › known', 'PASSED', [{ text: 'I run `kubectl version`', status: 'PASSED', commands: [cmd('kubectl version', 'Server Version: v1.31.4')] }]),
  ];
  const rows = compareRuns(memory, reference, [{ scenario: '› known', step: 'kubectl version', reason: 'patch release differs' }]);

  it('names the verdict of each scenario', () => {
    expect(rows.map((r) => [r.key.split(' › ')[1], r.verdict])).to.deep.equal([
      ['same after normalising', 'identical'],
      ['differs', 'differing'],
      ['needs a node shell', 'not runnable'],
      ['known', 'explained'],
    ]);
  });
  it('shows both normalised outputs of a differing step', () => {
    const d = rows[1].differences[0];
    expect(d.memory).to.contain('web  ClusterIP  <ip>  <none>  80/TCP  <age>');
    expect(d.reference).to.contain('web  NodePort  <ip>  <none>  80:<nodeport>/TCP  <age>');
    expect(d.reference).to.contain('! expected ...');
  });
  it('keeps the skip reason and the recorded reason', () => {
    expect(rows[2].reason).to.equal('skipped: the kubeconfig backend cannot provide @node-shell');
    expect(rows[3].reason).to.equal('patch release differs');
  });
  it('counts', () => {
    expect(countVerdicts(rows)).to.deep.equal({ identical: 1, explained: 1, differing: 1, notRunnable: 1, missing: 0 });
  });
});

describe('settledCommands', () => {
  it('keeps only the last poll of a waiting step', () => {
    const poll = (stdout: string) => ({ command: 'kubectl get endpoints kubia', place: 'local', exitCode: 0, stdout, stderr: '' });
    const other = { command: 'kubectl get svc', place: 'local', exitCode: 0, stdout: 'x', stderr: '' };
    expect(settledCommands([poll('<none>'), poll('<none>'), poll('10.244.1.2:8080'), other])).to.deep.equal([poll('10.244.1.2:8080'), other]);
  });
});
