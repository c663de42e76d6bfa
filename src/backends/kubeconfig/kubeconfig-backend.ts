/**
 * The kubeconfig backend: runs features on a real cluster. Each scenario works
 * in a namespace of its own, which is the default namespace of every kubectl
 * command it runs (a private kubeconfig copy names it); commands run in the
 * user's real shell with the real kubectl, curl and openssl. Cluster-scoped
 * objects its commands create are labelled as the scenario's; only what it
 * labelled is ever deleted; the context must be one it created or one the user
 * allowed by name.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { FieldEdit, ImageDefinition, Attachment, Backend, Capability, ClusterProfileChange, Place, ScenarioInfo, ScriptResult, WaitOptions } from '../../backend/backend.ts';
import { UnsupportedByBackend } from '../../backend/backend.ts';
import { SettingsError, type RunSettings } from '../../backend/run-settings.ts';
import type { Trace } from '../../trace/trace.ts';
import { mergePatchFor } from '../../dsl/field-edit.ts';
import { ClientNodeNamespaces } from './client-node-namespaces.ts';
import { checkContext } from './context-guard.ts';
import { runOnHost } from './host-shell.ts';
import { onInterrupt } from './interrupt-cleanup.ts';
import { appendEdit, EDIT_QUEUE_ENV } from './kube-editor/edit-queue.ts';
import { defaultKubeEditorCommand } from './kube-editor/editor-command.ts';
import { NamespaceLifecycle } from './namespace-lifecycle.ts';
import type { NodeShell } from './node-shell.ts';

export interface KubeconfigBackendOptions {
  /** The name scenarios and reports see: the kind backend is this backend on the cluster it made. */
  backendName?: 'kubeconfig' | 'kind';
  /** Contexts made by this run (the kind backend's), allowed without --allow-context. */
  createdContexts?: ReadonlySet<string>;
  /** How node commands run: in kind's node containers, or not at all. */
  nodeShell?: NodeShell;
  /** Capabilities the cluster has that cannot be detected (a LoadBalancer provider ...), from KUBE_SCENARIOS_CAPABILITIES. */
  declaredCapabilities?: Capability[];
  /** Splits a script into complete commands (a here-document stays with its command). */
  splitCommands: (script: string) => string[];
  runId: string;
  /** KUBE_EDITOR for `kubectl edit`: our editor program, which makes the changes a scenario queued. */
  kubeEditor?: string;
}

interface RunningScenario {
  namespace: string;
  workdir: string;
  kubeconfigPath: string;
  /** The changes queued for the next `kubectl edit` (kube-editor/edit-queue.ts). */
  editQueuePath: string;
}

export class KubeconfigBackend implements Backend {
  readonly name: 'kubeconfig' | 'kind';
  private readonly kubeEditor: string;
  capabilities: ReadonlySet<Capability> = new Set();
  private scenario?: RunningScenario;
  private lifecycle!: NamespaceLifecycle;
  private kubeConfig = new KubeConfig();
  private context = '';

  constructor(
    private readonly settings: RunSettings,
    private readonly options: KubeconfigBackendOptions,
  ) {
    this.name = options.backendName ?? 'kubeconfig';
    this.kubeEditor = options.kubeEditor ?? defaultKubeEditorCommand();
  }

  /** Loads the kubeconfig, checks the context, cleans what killed runs left, and learns what the cluster can do. */
  async open(): Promise<void> {
    try {
      if (this.settings.kubeconfig) this.kubeConfig.loadFromFile(this.settings.kubeconfig);
      else this.kubeConfig.loadFromDefault();
    } catch (error) {
      throw new SettingsError(`cannot read the kubeconfig ${this.settings.kubeconfig ?? '~/.kube/config'}: ${(error as Error).message}`);
    }
    if (this.settings.context) {
      if (!this.kubeConfig.getContextObject(this.settings.context)) throw new SettingsError(`context "${this.settings.context}" is not in the kubeconfig`);
      this.kubeConfig.setCurrentContext(this.settings.context);
    }
    this.context = checkContext(this.kubeConfig.getCurrentContext() || undefined, this.options.createdContexts ?? new Set(), this.settings.allowContexts).context;
    this.lifecycle = new NamespaceLifecycle(new ClientNodeNamespaces(this.kubeConfig), this.options.runId, {
      host: hostname(),
      pid: process.pid,
      isAlive: (pid) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      },
      now: () => Date.now(),
    });
    try {
      await this.lifecycle.cleanStale();
    } catch (error) {
      // The first request to the cluster: an unreachable server or bad credentials show here, in one line.
      const server = this.kubeConfig.getCurrentCluster()?.server ?? 'its server';
      throw new SettingsError(`cannot reach the cluster of context "${this.context}" at ${server}: ${((error as Error).message ?? String(error)).split('\n')[0]}`);
    }
    onInterrupt({ namespaces: () => this.lifecycle.alive(), kubeconfig: this.settings.kubeconfig, context: this.context });
    const caps = new Set<Capability>(['outside-client', ...(this.options.declaredCapabilities ?? [])]);
    if (this.options.nodeShell) caps.add('node-shell').add('iptables-rules');
    this.capabilities = caps;
  }

  /** The scenario's namespace, the default of its kubectl commands (valid after startScenario). */
  get namespace(): string {
    return this.current.namespace;
  }

  private get current(): RunningScenario {
    if (!this.scenario) throw new Error('no scenario is running on the kubeconfig backend');
    return this.scenario;
  }

  async startScenario(_info: ScenarioInfo): Promise<void> {
    const namespace = await this.lifecycle.create();
    const workdir = mkdtempSync(join(tmpdir(), 'kube-scenarios-'));
    const kubeconfigPath = join(workdir, '.kubeconfig');
    writeFileSync(kubeconfigPath, this.scenarioKubeconfig(namespace), { mode: 0o600 });
    chmodSync(kubeconfigPath, 0o600);
    this.scenario = { namespace, workdir, kubeconfigPath, editQueuePath: join(workdir, '.kube-editor-queue.json') };
  }

  /** A copy of the kubeconfig with only our context, whose namespace is the scenario's. Holds credentials: mode 0600, deleted after. */
  private scenarioKubeconfig(namespace: string): string {
    const ctx = this.kubeConfig.getContextObject(this.context);
    if (!ctx) throw new Error(`context "${this.context}" vanished from the kubeconfig`);
    const copy = new KubeConfig();
    copy.loadFromOptions({
      clusters: this.kubeConfig.clusters.filter((c) => c.name === ctx.cluster),
      users: this.kubeConfig.users.filter((u) => u.name === ctx.user),
      contexts: [{ ...ctx, namespace }],
      currentContext: ctx.name,
    });
    return copy.exportConfig();
  }

  async endScenario(): Promise<void> {
    const s = this.scenario;
    this.scenario = undefined;
    if (!s) return;
    try {
      await this.lifecycle.end(s.namespace, { timeoutSeconds: this.settings.waitTimeoutSeconds });
    } finally {
      rmSync(s.workdir, { recursive: true, force: true });
    }
  }

  async configure(change: ClusterProfileChange): Promise<void> {
    const asked = Object.keys(change).join(', ');
    throw new UnsupportedByBackend(this.name, `change an existing cluster's settings (${asked}); tag the scenario @cluster-profile`);
  }

  private path(name: string): string {
    return isAbsolute(name) ? name : join(this.current.workdir, name);
  }

  async writeFile(name: string, content: string): Promise<void> {
    const path = this.path(name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }

  async readFile(name: string): Promise<string | undefined> {
    try {
      return readFileSync(this.path(name), 'utf8');
    } catch {
      return undefined;
    }
  }

  async run(script: string, place: Place = { kind: 'local' }, stdin?: string): Promise<ScriptResult> {
    const s = this.current;
    const commands = this.options.splitCommands(script);
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C.UTF-8',
      KUBECONFIG: s.kubeconfigPath,
      // `kubectl edit` opens our editor, which makes the change a step queued (or none, like a person who closes it).
      KUBE_EDITOR: this.kubeEditor,
      [EDIT_QUEUE_ENV]: s.editQueuePath,
    };
    let results;
    if (place.kind === 'node') {
      if (!this.options.nodeShell) throw new UnsupportedByBackend(this.name, 'run commands on nodes; tag the scenario @node-shell');
      results = await this.options.nodeShell.run(place.node, commands, { cwd: s.workdir, env, timeoutSeconds: this.settings.waitTimeoutSeconds });
    } else {
      results = await runOnHost(commands, { cwd: s.workdir, env, timeoutSeconds: this.settings.waitTimeoutSeconds }, stdin);
    }
    if (place.kind !== 'node') {
      // Cluster-scoped objects the commands created (kubectl says `namespace/x created`) become the scenario's, deleted at its end.
      await this.lifecycle.adopt(s.namespace, results.map((r) => r.stdout).join('\n'));
    }
    const last = results[results.length - 1] ?? { stdout: '', stderr: '', exitCode: 0 };
    return { ...last, commands: results.map((result, i) => ({ command: commands[i], result })) };
  }

  async defineImage(_image: ImageDefinition): Promise<void> {
    throw new UnsupportedByBackend(this.name, 'invent images: build the image and load it into the cluster, then tag the scenario @custom-images');
  }

  async queueEdit(edit: FieldEdit): Promise<void> {
    // The same path syntax as on memory; a bad path fails the step here, not inside kubectl.
    mergePatchFor(edit);
    appendEdit(this.current.editQueuePath, edit);
  }

  async elapse(seconds: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }

  async waitUntil(check: () => Promise<boolean>, options: WaitOptions): Promise<boolean> {
    const deadline = Date.now() + options.timeoutSeconds * 1000;
    for (;;) {
      if (await check()) return true;
      if (Date.now() >= deadline) return false;
      await this.elapse(Math.min(options.intervalSeconds, (deadline - Date.now()) / 1000));
    }
  }

  lastTrace(): Trace | undefined {
    // A real cluster does not tell which rule a packet took.
    return undefined;
  }

  async snapshot(): Promise<Attachment[]> {
    if (!this.scenario) return [];
    const parts: Attachment[] = [];
    for (const command of ['kubectl get all -o wide', 'kubectl describe all', 'kubectl get events --sort-by=.lastTimestamp']) {
      const r = await this.run(command);
      parts.push({ name: command, mediaType: 'text/plain', body: `$ ${command}\n${r.stdout}${r.stderr}` });
    }
    return parts;
  }

  async close(): Promise<void> {
    await this.endScenario();
  }
}
