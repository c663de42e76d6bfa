/**
 * The user's machine in a memory scenario: a working directory, an environment
 * and a shell whose programs are the text utilities, `kubectl` bound to the
 * scenario's cluster, and the client tools a tutorial runs on a laptop
 * (openssl, cfssl, curl to node and load-balancer addresses). Commands on a node
 * run in that node's shell, which the cluster provides.
 */
import type { Attachment, Place, ScriptResult } from '../../backend/backend.ts';
import type { ClusterHandle } from './cluster-handle.ts';
import { MemoryFileSystem } from '../../shell/memory-fs.ts';
import { Shell } from '../../shell/shell.ts';
import type { Program } from '../../shell/types.ts';
import { textUtilities, shellProgram } from '../../shell/utilities/index.ts';
import { formatTrace, type Trace } from '../../trace/trace.ts';

/** Programs of the user's machine that talk to the cluster or its network (src/cluster/memory-cluster.ts clientPrograms). */
const CLIENT_PROGRAMS = ['kubectl', 'curl', 'ping', 'openssl', 'cfssl', 'cfssljson'] as const;

/** The scenario's working directory on the user's machine. */
export const WORKDIR = '/home/user/scenario';

export class UserMachine {
  private readonly fs: MemoryFileSystem;
  private readonly env: Map<string, string>;
  private shell: Shell;

  constructor(private readonly cluster: ClusterHandle) {
    this.fs = new MemoryFileSystem();
    this.fs.mkdir(WORKDIR, { recursive: true });
    this.fs.mkdir('/tmp', { recursive: true });
    this.env = new Map([
      ['HOME', '/home/user'],
      ['PATH', '/usr/local/bin:/usr/bin:/bin'],
      ['PWD', WORKDIR],
      ['USER', 'user'],
      ['SHELL', '/bin/sh'],
    ]);
    this.shell = this.makeShell();
  }

  private makeShell(): Shell {
    const programs = new Map<string, Program>(textUtilities());
    // Client programs boot the cluster on first use: a scenario that never calls them never pays for one.
    for (const name of CLIENT_PROGRAMS) programs.set(name, async (ctx) => (await this.cluster.get()).clientPrograms().get(name)!(ctx));
    const options = {
      fs: this.fs,
      cwd: WORKDIR,
      env: this.env,
      programs,
      sleep: async (seconds: number) => this.cluster.peek()?.advance(seconds * 1000),
      dialect: 'ash' as const,
      hostname: 'laptop',
    };
    programs.set('sh', shellProgram(() => ({ ...options, env: new Map(this.env) })));
    return new Shell(options);
  }

  writeFile(name: string, content: string): void {
    const path = this.fs.resolve(WORKDIR, name);
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    this.fs.mkdir(dir, { recursive: true });
    this.fs.writeFile(path, content);
  }

  readFile(name: string): string | undefined {
    return this.fs.readFile(this.fs.resolve(WORKDIR, name));
  }

  async run(script: string, place: Place, stdin?: string): Promise<ScriptResult> {
    this.cluster.peek()?.takeTraces();
    if (place.kind === 'node') {
      const cluster = await this.cluster.get();
      return { ...(await cluster.runOnNode(place.node, script)), traces: cluster.takeTraces() };
    }
    const commands = await this.shell.runEach(script, stdin);
    const last = commands[commands.length - 1]?.result ?? { stdout: '', stderr: '', exitCode: 0 };
    // Requests made here, and anywhere in the cluster (a curl in a pod through kubectl exec), in order.
    const local = commands.flatMap((c) => c.result.traces ?? []);
    return { ...last, traces: [...local, ...(this.cluster.peek()?.takeTraces() ?? [])], commands };
  }

  /** The failure snapshot: what a person would type to see the cluster, run on this machine. */
  async snapshot(lastTrace: Trace | undefined): Promise<Attachment[]> {
    const parts: Attachment[] = [];
    const show = async (name: string, command: string) => {
      const r = await this.shell.run(command);
      parts.push({ name, mediaType: 'text/plain', body: `$ ${command}\n${r.stdout}${r.stderr}` });
    };
    const cluster = this.cluster.peek();
    if (!cluster) return parts;
    await show('kubectl get all -o wide', 'kubectl get all -A -o wide');
    for (const ref of cluster.objectsWrittenByUser()) await show(`kubectl describe ${ref}`, `kubectl describe ${ref.kind} ${ref.name} -n ${ref.namespace}`);
    await show('events', 'kubectl get events -A');
    if (lastTrace) parts.push({ name: 'last trace', mediaType: 'text/plain', body: formatTrace(lastTrace) });
    return parts;
  }
}
