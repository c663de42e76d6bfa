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
  type FieldEdit,
  type ImageDefinition,
  type Place,
  type ScenarioInfo,
  type ScriptResult,
  type WaitOptions,
} from '../../backend/backend.ts';
import type { RunSettings } from '../../backend/run-settings.ts';
import { applyProfileChange, defaultProfile } from '../../cluster/profile.ts';
import { mergePatchFor } from '../../dsl/field-edit.ts';
import { textServerImage } from '../../images/declared-image.ts';
import { ClusterHandle } from './cluster-handle.ts';
import type { Trace } from '../../trace/trace.ts';
import { UserMachine } from './user-machine.ts';

export class MemoryBackend implements Backend {
  readonly name = 'memory' as const;
  readonly capabilities: ReadonlySet<Capability> = new Set(ALL_CAPABILITIES);
  readonly namespace = 'default';

  private scenario?: { info: ScenarioInfo; cluster: ClusterHandle; machine: UserMachine };
  private latestTrace?: Trace;

  constructor(readonly settings: RunSettings) {}

  private get current() {
    if (!this.scenario) throw new Error('no scenario is running on the memory backend');
    return this.scenario;
  }

  async startScenario(info: ScenarioInfo): Promise<void> {
    const cluster = new ClusterHandle(defaultProfile(), `${info.seed}/${info.id}`);
    this.scenario = { info, cluster, machine: new UserMachine(cluster) };
    this.latestTrace = undefined;
  }

  async endScenario(): Promise<void> {
    this.scenario = undefined;
  }

  /**
   * Cluster settings belong before the scenario's first command, as a real
   * cluster is created before anyone uses it: the cluster is built with them.
   */
  async configure(change: ClusterProfileChange): Promise<void> {
    const s = this.current;
    s.cluster.reconfigure(applyProfileChange(s.cluster.profile, change));
  }

  async writeFile(name: string, content: string): Promise<void> {
    this.current.machine.writeFile(name, content);
  }

  async readFile(name: string): Promise<string | undefined> {
    return this.current.machine.readFile(name);
  }

  async run(script: string, place: Place = { kind: 'local' }, stdin?: string): Promise<ScriptResult> {
    const result = await this.current.machine.run(script, place, stdin);
    const traces = result.traces ?? [];
    if (traces.length > 0) this.latestTrace = traces[traces.length - 1];
    return result;
  }

  async defineImage(image: ImageDefinition): Promise<void> {
    this.current.cluster.addImage(textServerImage(image));
  }

  async queueEdit(edit: FieldEdit): Promise<void> {
    (await this.current.cluster.get()).edits.push({ mergePatch: mergePatchFor(edit) });
  }

  async elapse(seconds: number): Promise<void> {
    (await this.current.cluster.get()).advance(seconds * 1000);
  }

  async waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<boolean> {
    const cluster = await this.current.cluster.get();
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
