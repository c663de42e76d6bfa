/**
 * The cloud-provider service controller's LoadBalancer loop
 * (k8s.io/cloud-provider controllers/service/controller.go syncLoadBalancerIfNeeded), with
 * load-balancer-provider.ts as the cloud:
 * - a LoadBalancer Service gets the finalizer `service.kubernetes.io/load-balancer-cleanup`, the
 *   event `EnsuringLoadBalancer` `Ensuring load balancer`, and after the provisioning delay
 *   (virtual clock, 2 s by default) status.loadBalancer.ingress and `EnsuredLoadBalancer`
 *   `Ensured load balancer`;
 * - a Service that stops being a LoadBalancer, or is being deleted, has its address released,
 *   its status cleared and its finalizer removed, with `DeletingLoadBalancer` /
 *   `DeletedLoadBalancer`.
 * Without a provider there is no such controller, as on plain kind: EXTERNAL-IP stays `<pending>`.
 */
import type { Service } from '../../api/core.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { TimerHandle } from '../../clock/virtual-clock.ts';
import type { Controller, ControllerDeps } from '../controller.ts';
import { EventRecorder } from '../events.ts';
import { objectKey, splitObjectKey } from '../object-key.ts';
import { WorkQueue } from '../work-queue.ts';
import { createLoadBalancerProvider, type LoadBalancerProvider, type LoadBalancerProviderConfig } from './load-balancer-provider.ts';

export const LOAD_BALANCER_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
export const DEFAULT_PROVISIONING_DELAY_MS = 2000;

export interface ServiceControllerOptions {
  provider: LoadBalancerProviderConfig;
  /** How long the cloud takes to provision a load balancer. */
  provisioningDelayMs?: number;
}

export class ServiceController implements Controller {
  readonly name = 'service-lb-controller';
  private readonly queue = new WorkQueue();
  private readonly recorder: EventRecorder;
  private readonly provider: LoadBalancerProvider;
  private readonly delayMs: number;
  /** Services whose load balancer is being provisioned. */
  private readonly provisioning = new Map<string, TimerHandle>();

  constructor(
    private readonly deps: ControllerDeps,
    options: ServiceControllerOptions,
  ) {
    this.recorder = new EventRecorder(deps.api, deps.clock, deps.random, { component: 'service-controller' });
    this.provider = createLoadBalancerProvider(options.provider, deps.random.derive('lb'));
    this.delayMs = options.provisioningDelayMs ?? DEFAULT_PROVISIONING_DELAY_MS;
    deps.api.watch('Service', (e) => this.queue.add(objectKey(e.object)));
  }

  processQueue(): boolean {
    return this.queue.drain((key) => this.sync(key));
  }

  private sync(key: string): void {
    const { namespace, name } = splitObjectKey(key);
    const svc = this.deps.api.tryGet<Service>({ kind: 'Service', namespace, name });
    if (!svc) {
      this.cancel(key);
      this.provider.release(key);
      return;
    }
    const wants = svc.spec.type === 'LoadBalancer' && !svc.metadata.deletionTimestamp && !svc.spec.loadBalancerClass;
    const hasFinalizer = (svc.metadata.finalizers ?? []).includes(LOAD_BALANCER_CLEANUP_FINALIZER);
    if (!wants) {
      if (hasFinalizer || (svc.status?.loadBalancer?.ingress ?? []).length > 0) this.cleanup(svc, key);
      return;
    }
    if (!hasFinalizer) {
      svc.metadata.finalizers = [...(svc.metadata.finalizers ?? []), LOAD_BALANCER_CLEANUP_FINALIZER];
      this.write(() => this.deps.api.update(svc));
      return; // the update requeues the Service
    }
    if ((svc.status?.loadBalancer?.ingress ?? []).length > 0 || this.provisioning.has(key)) return;
    this.recorder.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    this.provisioning.set(
      key,
      this.deps.clock.schedule(this.delayMs, `service-controller ${key} provision`, () => this.provisioned(key)),
    );
  }

  private provisioned(key: string): void {
    this.provisioning.delete(key);
    const { namespace, name } = splitObjectKey(key);
    const svc = this.deps.api.tryGet<Service>({ kind: 'Service', namespace, name });
    if (!svc || svc.spec.type !== 'LoadBalancer' || svc.metadata.deletionTimestamp) return;
    const ingress = this.provider.allocate(key);
    if (!ingress) {
      this.recorder.event(svc, 'Warning', 'SyncLoadBalancerFailed', 'Error syncing load balancer: failed to ensure load balancer: no available IPs in the address pool');
      return;
    }
    svc.status = { ...(svc.status ?? {}), loadBalancer: { ingress: [ingress] } };
    this.write(() => this.deps.api.updateStatus(svc));
    this.recorder.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
  }

  private cleanup(svc: Service, key: string): void {
    this.cancel(key);
    this.recorder.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
    this.provider.release(key);
    this.recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
    if ((svc.status?.loadBalancer?.ingress ?? []).length > 0) {
      svc.status = { ...(svc.status ?? {}), loadBalancer: {} };
      const written = this.write(() => this.deps.api.updateStatus(svc).object);
      if (written) svc.metadata = written.metadata;
    }
    if ((svc.metadata.finalizers ?? []).includes(LOAD_BALANCER_CLEANUP_FINALIZER)) {
      svc.metadata.finalizers = svc.metadata.finalizers!.filter((f) => f !== LOAD_BALANCER_CLEANUP_FINALIZER);
      if (svc.metadata.finalizers.length === 0) delete svc.metadata.finalizers;
      this.write(() => this.deps.api.update(svc));
    }
  }

  private cancel(key: string): void {
    this.provisioning.get(key)?.cancel();
    this.provisioning.delete(key);
  }

  private write<R>(action: () => R): R | undefined {
    try {
      return action();
    } catch (err) {
      if (err instanceof ApiError) return undefined;
      throw err;
    }
  }
}
