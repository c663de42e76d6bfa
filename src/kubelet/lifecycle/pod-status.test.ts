import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/core.ts';
import { buildPodStatus, podPhase, type ContainerView } from './pod-status.ts';

const running: ContainerView = { name: 'c', image: 'docker.io/library/nginx:latest', imageID: 'x', ready: true, started: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T00:00:07Z' } }, lastState: {} };
const exited = (code: number): ContainerView => ({ ...running, ready: false, started: false, state: { terminated: { exitCode: code, reason: code ? 'Error' : 'Completed' } } });
const pod = (spec: Partial<Pod['spec']> = {}, conditions: Pod['status'] = {}): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec }, status: conditions });

describe('podPhase (kubelet_pods.go getPhase)', () => {
  const table: [string, Partial<Pod['spec']>, ContainerView[], boolean, string][] = [
    ['waiting', {}, [{ ...running, ready: false, state: { waiting: { reason: 'ContainerCreating' } } }], false, 'Pending'],
    ['running', {}, [running], false, 'Running'],
    ['exited, restartPolicy Always', {}, [exited(0)], false, 'Running'],
    ['exited 0, Never', { restartPolicy: 'Never' }, [exited(0)], false, 'Succeeded'],
    ['exited 1, Never', { restartPolicy: 'Never' }, [exited(1)], false, 'Failed'],
    ['exited 1, OnFailure (restarting)', { restartPolicy: 'OnFailure' }, [exited(1)], false, 'Running'],
    ['stopped by deletion, exit 0', {}, [exited(0)], true, 'Succeeded'],
    ['stopped by deletion, exit 137', {}, [exited(137)], true, 'Failed'],
    ['CrashLoopBackOff counts as stopped', {}, [{ ...running, ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 0 } } }], false, 'Running'],
  ];
  for (const [title, spec, containers, terminal, phase] of table) {
    it(`${title} -> ${phase}`, () => {
      expect(podPhase(pod(spec), containers, terminal)).to.equal(phase);
    });
  }
});

describe('buildPodStatus conditions (status/generate.go)', () => {
  const view = { sandboxReady: true, podIP: '10.244.1.2', hostIP: '172.18.0.3', startTime: '2026-01-01T00:00:00Z', containers: [running], terminal: false };

  it('keeps the scheduler\'s PodScheduled time and foreign conditions, and honours readiness gates', () => {
    const scheduled = { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: '2025-12-31T23:59:59Z' };
    const status = buildPodStatus(pod({ readinessGates: [{ conditionType: 'example.com/gate' }] }, { conditions: [scheduled] }), view, '2026-01-01T00:00:08Z');
    expect(status.conditions?.map((c) => c.type)).to.deep.equal(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    expect(status.conditions?.[4].lastTransitionTime).to.equal('2025-12-31T23:59:59Z');
    // status/generate.go: ReadinessGatesNotReady with the gate's message.
    expect(status.conditions?.[2]).to.include({ status: 'False', reason: 'ReadinessGatesNotReady', message: 'corresponding condition of pod readiness gate "example.com/gate" does not exist.' });
    const gate = { type: 'example.com/gate', status: 'True' as const, lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:09Z' };
    const open = buildPodStatus(pod({ readinessGates: [{ conditionType: 'example.com/gate' }] }, { conditions: [gate, scheduled] }), view, '2026-01-01T00:00:10Z');
    expect(open.conditions?.[0]).to.deep.equal(gate);
    expect(open.conditions?.find((c) => c.type === 'Ready')?.status).to.equal('True');
  });

  it('says PodCompleted once the pod is done', () => {
    const status = buildPodStatus(pod({ restartPolicy: 'Never' }), { ...view, containers: [exited(0)] }, '2026-01-01T00:00:10Z');
    expect(status.phase).to.equal('Succeeded');
    expect(status.conditions?.find((c) => c.type === 'Ready')).to.include({ status: 'False', reason: 'PodCompleted' });
  });
});
