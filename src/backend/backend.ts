/**
 * The one interface step definitions talk to.
 *
 * A backend is a cluster plus a shell on the user's machine. Steps never reach
 * past it: every natural step is built from kubectl command lines, files and
 * the places below, so it runs unchanged on the in-memory cluster, on kind and
 * on any cluster of a kubeconfig.
 */
import type { CommandResult } from '../shell/types.ts';
import type { Trace } from '../trace/trace.ts';

export type BackendName = 'memory' | 'kind' | 'kubeconfig';

/** Where a command line runs. */
export type Place =
  /** A shell on the user's machine, in the scenario's working directory; `kubectl` goes to the scenario's cluster. */
  | { kind: 'local' }
  /** A shell on a cluster node (kind: the node container). */
  | { kind: 'node'; node: string }
  /** A client outside the cluster network: reaches NodePorts, LoadBalancer addresses and Ingress, never ClusterIPs or pod IPs. */
  | { kind: 'outside' };

/** What a scenario may need and a backend may lack; scenarios declare them as tags (`@loadbalancer` ...). */
export type Capability =
  | 'loadbalancer'
  | 'ingress'
  | 'ipvs'
  | 'iptables-rules'
  | 'node-shell'
  | 'outside-client'
  | 'virtual-clock'
  | 'old-api-versions'
  | 'cluster-profile'
  | 'request-traces'
  | 'custom-images';

export const ALL_CAPABILITIES: readonly Capability[] = [
  'loadbalancer',
  'ingress',
  'ipvs',
  'iptables-rules',
  'node-shell',
  'outside-client',
  'virtual-clock',
  'old-api-versions',
  'cluster-profile',
  'request-traces',
  'custom-images',
];

/** Cluster settings a scenario asks for before its first command (`Given a cluster ...` steps). */
export interface ClusterProfileChange {
  workers?: number;
  kubernetesVersion?: string;
  serviceCIDR?: string;
  proxyMode?: 'iptables' | 'ipvs';
  ipvsScheduler?: string;
  nodeExternalIPs?: boolean;
  loadBalancer?: { kind: 'ip-pool'; cidr: string } | { kind: 'hostname'; pattern: 'aws-elb' };
  ingressNginx?: boolean;
  /** Extra names an ExternalName service may point to, resolvable from inside pods. */
  externalHosts?: Record<string, string>;
}

/** An image a feature declares: a server answering a fixed text on one port (memory backend; real clusters need a real image). */
export interface ImageDefinition {
  name: string;
  port: number;
  answer: string;
}

/** One field change made in an editor. */
export interface FieldEdit {
  path: string;
  value: unknown;
}

/** What a script did: the result of its last complete command, and of each command in turn. */
export interface ScriptResult extends CommandResult {
  commands: { command: string; result: CommandResult }[];
}

export interface ScenarioInfo {
  /** Stable id of the scenario within the run (pickle id). */
  id: string;
  name: string;
  tags: string[];
  /** The run's seed; the memory backend derives every random choice from it and the scenario id. */
  seed: string;
}

export interface WaitOptions {
  /** Give up after this many seconds (virtual on memory, real elsewhere). */
  timeoutSeconds: number;
  /** Seconds between checks. */
  intervalSeconds: number;
}

/** An attachment for the report: a snapshot part, a trace, a picture. */
export interface Attachment {
  name: string;
  mediaType: string;
  body: string;
}

export interface Backend {
  readonly name: BackendName;
  /** What this backend can provide; a scenario tagged with anything else is skipped with the reason. */
  readonly capabilities: ReadonlySet<Capability>;
  /**
   * The namespace the scenario's kubectl commands default to: `default` on memory,
   * the scenario's own namespace on real clusters (valid after startScenario).
   */
  readonly namespace: string;

  /** A fresh, isolated cluster state (memory) or namespace (real) for one scenario. */
  startScenario(info: ScenarioInfo): Promise<void>;
  /** Removes what the scenario made; called after success, failure and interruption. */
  endScenario(): Promise<void>;

  /** Applies a cluster setting. Real backends say which settings they cannot honour by throwing UnsupportedByBackend. */
  configure(change: ClusterProfileChange): Promise<void>;

  /** Writes a file into the scenario's working directory (relative names) or at an absolute path on the user's machine. */
  writeFile(name: string, content: string): Promise<void>;
  readFile(name: string): Promise<string | undefined>;

  /**
   * Runs one command line or a whole script (several lines, heredocs) at a place,
   * one complete command after another. A failing command is a result, never an
   * exception: exit code and stderr tell.
   */
  run(script: string, place?: Place, stdin?: string): Promise<ScriptResult>;

  /**
   * What the editor of the next `kubectl edit` saves: FIELD (a dotted path such as
   * `spec.type`) set to VALUE. The memory backend hands it to its kubectl; real
   * backends point KUBE_EDITOR at a program that makes the change.
   */
  queueEdit(edit: FieldEdit): Promise<void>;

  /** Adds an image to the cluster's image table (memory); real backends throw UnsupportedByBackend. */
  defineImage(image: ImageDefinition): Promise<void>;

  /** Lets time pass: the virtual clock on memory, real seconds elsewhere. */
  elapse(seconds: number): Promise<void>;

  /**
   * Re-checks until `check` returns true or the timeout passes; between checks the
   * memory backend advances its virtual clock, real backends sleep. Returns whether it held.
   */
  waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<boolean>;

  /** The trace of the most recent request any tool made, if any. */
  lastTrace(): Trace | undefined;

  /**
   * What a person needs to see when a scenario failed: `kubectl get all -o wide`, the describe of
   * every object the scenario wrote, events, the last trace. Secret data and keys never appear.
   */
  snapshot(): Promise<Attachment[]>;

  /** Frees everything (the whole run is over). */
  close(): Promise<void>;
}

/** Thrown by configure() or a capability check when a backend cannot do what a scenario asks. */
export class UnsupportedByBackend extends Error {
  constructor(
    readonly backend: BackendName,
    readonly what: string,
  ) {
    super(`the ${backend} backend cannot ${what}`);
  }
}
