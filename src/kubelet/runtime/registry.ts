/**
 * Every pod sandbox of the cluster by IP, for the network layer: which pod a
 * packet to 10.244.1.5 reaches, and what listens there. Kubelets register
 * sandboxes when they get an IP and remove them when the pod is gone.
 * hostNetwork pods share their node's IP, so one IP can hold several pods.
 */
import type { Listener } from './listener.ts';
import type { PodRuntime } from './pod-runtime.ts';

export class PodRuntimeRegistry {
  private readonly byAddress = new Map<string, PodRuntime[]>();
  private readonly byKey = new Map<string, PodRuntime>();

  register(pod: PodRuntime): void {
    this.unregister(pod.key);
    this.byKey.set(pod.key, pod);
    const list = this.byAddress.get(pod.ip) ?? [];
    list.push(pod);
    this.byAddress.set(pod.ip, list);
  }

  unregister(key: string): void {
    const pod = this.byKey.get(key);
    if (!pod) return;
    this.byKey.delete(key);
    const rest = (this.byAddress.get(pod.ip) ?? []).filter((p) => p !== pod);
    if (rest.length > 0) this.byAddress.set(pod.ip, rest);
    else this.byAddress.delete(pod.ip);
  }

  /** Pods at an IP: one for a pod-network IP, any number of hostNetwork pods for a node IP. */
  byIP(ip: string): readonly PodRuntime[] {
    return this.byAddress.get(ip) ?? [];
  }

  byPod(namespace: string, name: string): PodRuntime | undefined {
    return this.byKey.get(`${namespace}/${name}`);
  }

  /** What listens at ip:port/protocol at `nowMs`; undefined means connection refused. */
  listener(ip: string, port: number, protocol: 'TCP' | 'UDP', nowMs: number): { pod: PodRuntime; listener: Listener } | undefined {
    for (const pod of this.byIP(ip)) {
      const listener = pod.listener(port, protocol, nowMs);
      if (listener) return { pod, listener };
    }
    return undefined;
  }

  all(): readonly PodRuntime[] {
    return [...this.byKey.values()];
  }
}
