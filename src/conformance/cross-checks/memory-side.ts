/**
 * The memory backend as a ClusterUnderCheck: one scenario through the Backend
 * interface, as a feature would drive it. DNS questions are asked with dig
 * from a pod of the fixture (its image carries bind 9.18's dig) to the
 * cluster DNS Service; the nat table is `iptables-save -t nat` in a shell on
 * node kind-worker.
 */
import type { Backend } from '../../backend/backend.ts';
import type { ClusterUnderCheck, CommandOutput } from './cluster-under-check.ts';
import { commandLine } from './cluster-under-check.ts';

/** kube-dns's cluster IP in a kind cluster (FIDELITY §2). */
export const CLUSTER_DNS_IP = '10.96.0.10';

export class MemorySide implements ClusterUnderCheck {
  readonly side = 'memory' as const;
  private dnsClient?: { namespace: string; pod: string };

  constructor(
    readonly backend: Backend,
    readonly node = 'kind-worker',
  ) {}

  /** The pod dig runs in. */
  askDnsFrom(namespace: string, pod: string): void {
    this.dnsClient = { namespace, pod };
  }

  async kubectl(args: readonly string[]): Promise<CommandOutput> {
    return this.backend.run(commandLine('kubectl', args));
  }

  async dig(args: readonly string[]): Promise<CommandOutput> {
    if (!this.dnsClient) throw new Error('no pod to ask DNS questions from');
    const { namespace, pod } = this.dnsClient;
    return this.backend.run(commandLine('kubectl', ['exec', '-n', namespace, pod, '--', 'dig', `@${CLUSTER_DNS_IP}`, ...args]));
  }

  async natTable(): Promise<string> {
    const r = await this.backend.run('iptables-save -t nat', { kind: 'node', node: this.node });
    if (r.exitCode !== 0) throw new Error(`memory: iptables-save failed on ${this.node}: ${r.stderr.trim()}`);
    return r.stdout;
  }

  pause(seconds: number): Promise<void> {
    return this.backend.elapse(seconds);
  }
}
