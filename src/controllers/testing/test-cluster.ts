/**
 * Test harness: the memory API server (src/apiserver, or the small FakeApiServer with
 * `fake: true`) with kind's three nodes (FIDELITY §2: kind-control-plane with
 * the control-plane NoSchedule taint, kind-worker, kind-worker2), the given controllers, the
 * scheduler and the fake kubelet, on one virtual clock and seed.
 */
import type { Node } from '../../api/core.ts';
import { createApiServer } from '../../apiserver/api-server.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { Scheduler } from '../../scheduler/scheduler.ts';
import type { Controller, ControllerDeps } from '../controller.ts';
import { FakeApiServer, type FakeApiServerOptions } from './fake-api-server.ts';
import { FakeKubelet } from './fake-kubelet.ts';
import { settle } from './settle.ts';

export const KIND_NODES = ['kind-control-plane', 'kind-worker', 'kind-worker2'];

export function kindNode(name: string, index: number): Node {
  const controlPlane = name.endsWith('control-plane');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      taints: controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : undefined,
    },
    status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }] },
  };
}

export interface TestCluster {
  deps: ControllerDeps;
  api: ApiServer;
  clock: VirtualClock;
  kubelet: FakeKubelet;
  controllers: Controller[];
  settle(): void;
  /** Moves the clock, settling after each timer. */
  advance(ms: number): void;
}

export function testCluster(
  makeControllers: (deps: ControllerDeps) => Controller[],
  options: FakeApiServerOptions & { seed?: string; fake?: boolean; kubernetesVersion?: string } = {},
): TestCluster {
  const clock = new VirtualClock();
  const random = new SeededRandom(options.seed ?? 'controllers-test');
  const api: ApiServer = options.fake
    ? new FakeApiServer(clock, random, options)
    : createApiServer({ clock, random, kubernetesVersion: options.kubernetesVersion ?? '1.31', serviceCIDR: '10.96.0.0/16' });
  const deps: ControllerDeps = { api, clock, random };
  KIND_NODES.forEach((n, i) => api.create(kindNode(n, i)));
  const kubelet = new FakeKubelet(api, clock, (node) => KIND_NODES.indexOf(node));
  const controllers = [...makeControllers(deps), new Scheduler(deps), kubelet];
  const cluster: TestCluster = {
    deps,
    api,
    clock,
    kubelet,
    controllers,
    settle: () => void settle(controllers),
    advance: (ms) => {
      settle(controllers);
      clock.advance(ms, () => settle(controllers));
      settle(controllers);
    },
  };
  return cluster;
}
