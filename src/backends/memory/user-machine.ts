/**
 * The user's machine in a memory scenario: a working directory, an environment
 * and a shell whose programs are the text utilities, `kubectl` bound to the
 * scenario's cluster, and the client tools a tutorial runs on a laptop
 * (openssl, cfssl, curl to node and load-balancer addresses). Commands on a node
 * run in that node's shell, which the cluster provides.
 */
import type { Attachment, Place, ScriptResult } from '../../backend/backend.ts';
import type { MemoryCluster } from '../../cluster/memory-cluster.ts';
import { MemoryFileSystem } from '../../shell/memory-fs.ts';
import { Shell } from '../../shell/shell.ts';
import type { Program } from '../../shell/types.ts';
import { textUtilities, shellProgram } from '../../shell/utilities/index.ts';
import { formatTrace, type Trace } from '../../trace/trace.ts';

/** The scenario's working directory on the user's machine. */
export const WORKDIR = '/home/user/scenario';

export class UserMachine {
  private readonly fs: MemoryFileSystem;
  private readonly env: Map<string, string>;
  private shell: Shell;

  constructor(
    private readonly cluster: MemoryCluster,
    fs?: MemoryFileSystem,
  ) {
    this.fs = fs ?? new MemoryFileSystem();
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

  /** The same machine (files, environment) pointed at another cluster, after a cluster setting changed. */
  movedTo(cluster: MemoryCluster): UserMachine {
    return new UserMachine(cluster, this.fs);
  }

  private makeShell(): Shell {
    const programs = new Map<string, Program>(textUtilities());
    for (const [name, program] of this.cluster.clientPrograms()) programs.set(name, program);
    const options = {
      fs: this.fs,
      cwd: WORKDIR,
      env: this.env,
      programs,
      sleep: async (seconds: number) => this.cluster.advance(seconds * 1000),
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
    this.cluster.takeTraces();
    if (place.kind === 'node') return { ...(await this.cluster.runOnNode(place.node, script)), traces: this.cluster.takeTraces() };
    const commands = await this.shell.runEach(script, stdin);
    const last = commands[commands.length - 1]?.result ?? { stdout: '', stderr: '', exitCode: 0 };
    // Requests made anywhere (a curl in a pod through kubectl exec included) are recorded by the cluster.
    return { ...last, traces: this.cluster.takeTraces(), commands };
  }

  /** The failure snapshot: what a person would type to see the cluster, run on this machine. */
  async snapshot(lastTrace: Trace | undefined): Promise<Attachment[]> {
    const parts: Attachment[] = [];
    const show = async (name: string, command: string) => {
      const r = await this.shell.run(command);
      parts.push({ name, mediaType: 'text/plain', body: `$ ${command}\n${r.stdout}${r.stderr}` });
    };
    await show('kubectl get all -o wide', 'kubectl get all -A -o wide');
    for (const ref of this.cluster.objectsWrittenByUser()) await show(`kubectl describe ${ref}`, `kubectl describe ${ref.kind} ${ref.name} -n ${ref.namespace}`);
    await show('events', 'kubectl get events -A');
    if (lastTrace) parts.push({ name: 'last trace', mediaType: 'text/plain', body: formatTrace(lastTrace) });
    return parts;
  }
}
