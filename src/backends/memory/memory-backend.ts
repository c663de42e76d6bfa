/**
 * The memory backend: each scenario gets a fresh in-memory kind cluster
 * (MemoryCluster) and a fresh user's machine (a working directory and a shell
 * whose `kubectl` talks to that cluster). Time is the cluster's virtual clock.
 */
import {
  ALL_CAPABILITIES,
  type Attachment,
  type Backend,
  type Capability,
  type ClusterProfileChange,
  type Place,
  type ScenarioInfo,
  type ScriptResult,
  type WaitOptions,
} from '../../backend/backend.ts';
import type { RunSettings } from '../../backend/run-settings.ts';
import { MemoryCluster } from '../../cluster/memory-cluster.ts';
import { applyProfileChange, defaultProfile, type ClusterProfile } from '../../cluster/profile.ts';
import type { Trace } from '../../trace/trace.ts';
import { UserMachine } from './user-machine.ts';

export class MemoryBackend implements Backend {
  readonly name = 'memory' as const;
  readonly capabilities: ReadonlySet<Capability> = new Set(ALL_CAPABILITIES);

  private scenario?: { info: ScenarioInfo; profile: ClusterProfile; cluster: MemoryCluster; machine: UserMachine; commandsRun: number };
  private latestTrace?: Trace;

  constructor(readonly settings: RunSettings) {}

  private get current() {
    if (!this.scenario) throw new Error('no scenario is running on the memory backend');
    return this.scenario;
  }

  async startScenario(info: ScenarioInfo): Promise<void> {
    const profile = defaultProfile();
    const cluster = new MemoryCluster(profile, `${info.seed}/${info.id}`);
    this.scenario = { info, profile, cluster, machine: new UserMachine(cluster), commandsRun: 0 };
    this.latestTrace = undefined;
  }

  async endScenario(): Promise<void> {
    this.scenario = undefined;
  }

  /**
   * Cluster settings rebuild the cluster: they belong before the scenario's
   * first command (as a real cluster is created before anyone uses it). Files
   * already written stay.
   */
  async configure(change: ClusterProfileChange): Promise<void> {
    const s = this.current;
    const profile = applyProfileChange(s.profile, change);
    if (s.commandsRun > 0) {
      s.cluster.reconfigureLive(profile);
      s.profile = profile;
      return;
    }
    const cluster = new MemoryCluster(profile, `${s.info.seed}/${s.info.id}`);
    this.scenario = { ...s, profile, cluster, machine: s.machine.movedTo(cluster) };
  }

  async writeFile(name: string, content: string): Promise<void> {
    this.current.machine.writeFile(name, content);
  }

  async readFile(name: string): Promise<string | undefined> {
    return this.current.machine.readFile(name);
  }

  async run(script: string, place: Place = { kind: 'local' }, stdin?: string): Promise<ScriptResult> {
    const s = this.current;
    s.commandsRun++;
    const result = await s.machine.run(script, place, stdin);
    const traces = result.traces ?? [];
    if (traces.length > 0) this.latestTrace = traces[traces.length - 1];
    return result;
  }

  async elapse(seconds: number): Promise<void> {
    this.current.cluster.advance(seconds * 1000);
  }

  async waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<boolean> {
    const cluster = this.current.cluster;
    const deadline = cluster.clock.now() + options.timeoutSeconds * 1000;
    for (;;) {
      if (await check()) return true;
      if (cluster.clock.now() >= deadline) return false;
      cluster.advance(Math.min(options.intervalSeconds * 1000, deadline - cluster.clock.now()));
    }
  }

  lastTrace(): Trace | undefined {
    return this.latestTrace;
  }

  async snapshot(): Promise<Attachment[]> {
    if (!this.scenario) return [];
    return this.scenario.machine.snapshot(this.latestTrace);
  }

  async close(): Promise<void> {
    this.scenario = undefined;
  }
}
