/**
 * A pod as the container runtime holds it: its sandbox (IP, hostname), its
 * containers' current instances, its shared volumes. What the network layer
 * reaches when a packet arrives at the pod's IP.
 */
import type { MemoryFileSystem } from '../../shell/memory-fs.ts';
import type { ContainerInstance } from './container-instance.ts';
import type { Listener } from './listener.ts';

export class PodRuntime {
  /** Current instance per container name (the last one, even if it exited). */
  readonly containers = new Map<string, ContainerInstance>();
  /** emptyDir volumes by volume name, shared by the pod's containers. */
  readonly emptyDirs = new Map<string, MemoryFileSystem>();
  /** Current files of Secret, ConfigMap, downward API and projected volumes by volume name (refreshed by the kubelet). */
  readonly volumeFiles = new Map<string, Record<string, string>>();

  constructor(
    readonly namespace: string,
    readonly name: string,
    readonly uid: string,
    readonly nodeName: string,
    readonly ip: string,
    readonly hostNetwork: boolean,
    readonly hostname: string,
  ) {}

  /** `namespace/name`. */
  get key(): string {
    return `${this.namespace}/${this.name}`;
  }

  /** The running instance of a container. */
  running(containerName: string): ContainerInstance | undefined {
    const instance = this.containers.get(containerName);
    return instance?.running ? instance : undefined;
  }

  /** Every socket open in the pod at `nowMs`. */
  listeners(nowMs: number): Listener[] {
    return [...this.containers.values()].flatMap((c) => c.listeners(nowMs));
  }

  /** The socket at `port`/`protocol`, or undefined: the connection is refused (TCP) or unanswered (UDP). */
  listener(port: number, protocol: 'TCP' | 'UDP', nowMs: number): Listener | undefined {
    return this.listeners(nowMs).find((l) => l.port === port && l.protocol === protocol);
  }
}
