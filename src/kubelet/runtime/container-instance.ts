/**
 * One run of a container: its file system, environment, programs, main
 * process and the sockets it listens on. A restart makes a new instance
 * (new container ID) on a fresh file system, as containerd does; volumes
 * carry over because they belong to the pod.
 */
import type { ResolvedImage } from '../../images/image-spec.ts';
import type { HttpRequest, HttpResponse, ServerContext } from '../../images/servers/http.ts';
import { nginxCertificate, serveNginx, startNginx, type NginxInstance } from '../../images/servers/nginx-server.ts';
import { serveHttpd, serveStaticFiles } from '../../images/servers/file-servers.ts';
import { goTextResponse, serveEchoserver, serveKubia, serveNetexec } from '../../images/servers/simple-handlers.ts';
import type { MemoryFileSystem } from '../../shell/memory-fs.ts';
import type { CommandResult, Program, ProgramContext, ProgramTable } from '../../shell/types.ts';
import { ContainerEnvironment } from '../env/container-environment.ts';
import { processEnvironment, type ProcessEnvironment } from '../env/process-env.ts';
import type { Listener } from './listener.ts';
import type { MainProcess } from './main-process.ts';
import { unsimulatedProgram, type ContainerRuntimeContext, type ProgramRegistry } from './program-registry.ts';

export interface ContainerIdentity {
  namespace: string;
  podName: string;
  podUID: string;
  podIP: string;
  nodeName: string;
  hostNetwork: boolean;
  hostname: string;
}

export interface ContainerInstanceInput {
  id: string;
  name: string;
  image: ResolvedImage;
  fs: MemoryFileSystem;
  /** The container's process environment (without HOME), or one laid out when first needed. */
  env: ProcessEnvironment | ContainerEnvironment;
  home: string;
  workingDir: string;
  process: MainProcess;
  startedAtMs: number;
  pod: ContainerIdentity;
  programs: ProgramRegistry;
  /** Lets virtual time pass for `sleep` run by exec. */
  sleep: (seconds: number) => Promise<void>;
}

/** Why an exec could not start (runc's words, before containerd and the API server wrap them). */
export type ExecOutcome = { kind: 'ran'; result: CommandResult } | { kind: 'not-found'; message: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx's `main` log_format (the image's nginx.conf) with $time_local in UTC. */
export function nginxAccessLogLine(request: HttpRequest, response: HttpResponse, atMs: number): string {
  const d = new Date(atMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
  const header = (name: string) => request.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '-';
  const bytes = Buffer.byteLength(response.body, 'utf8');
  return `${request.client.ip} - - [${time}] "${request.method} ${request.target} HTTP/1.1" ${response.status} ${bytes} "${header('referer')}" "${header('user-agent')}" "${header('x-forwarded-for')}"`;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export class ContainerInstance {
  readonly id: string;
  readonly name: string;
  readonly image: ResolvedImage;
  readonly fs: MemoryFileSystem;
  private environment: ProcessEnvironment | ContainerEnvironment;
  readonly home: string;
  readonly workingDir: string;
  readonly process: MainProcess;
  readonly startedAtMs: number;
  readonly pod: ContainerIdentity;
  /** Set when the main process has exited. */
  finished?: { atMs: number; exitCode: number; reason: string; message?: string };
  /** Output of the main process (`kubectl logs`). */
  readonly logs: string[] = [];
  private table?: Map<string, Program>;
  private nginx?: NginxInstance;
  private nginxPorts: { port: number; ssl: boolean; loopbackOnly: boolean }[] = [];
  private readonly registry: ProgramRegistry;
  private readonly sleep: (seconds: number) => Promise<void>;

  constructor(input: ContainerInstanceInput) {
    this.id = input.id;
    this.name = input.name;
    this.image = input.image;
    this.fs = input.fs;
    this.environment = input.env;
    this.home = input.home;
    this.workingDir = input.workingDir;
    this.process = input.process;
    this.startedAtMs = input.startedAtMs;
    this.pod = input.pod;
    this.registry = input.programs;
    this.sleep = input.sleep;
  }

  /** The container's process environment (without HOME), laid out on first use. */
  get env(): ProcessEnvironment {
    if (this.environment instanceof ContainerEnvironment) this.environment = this.environment.layout();
    return this.environment;
  }

  /**
   * Starts the main process's servers. For nginx this reads its configuration;
   * a broken one makes nginx exit 1 at once, as it does (its `[emerg]` line goes to the log).
   */
  startServers(): { ok: true } | { ok: false; exitCode: number; log: string } {
    if (this.process.kind !== 'daemon') return { ok: true };
    this.logs.push(...(this.process.daemon.startupLog ?? []));
    const nginxServer = this.process.daemon.servers.find((s) => s.handler.kind === 'nginx');
    if (nginxServer && nginxServer.handler.kind === 'nginx') {
      const started = startNginx(this.fs, nginxServer.handler.version);
      if (!started.ok) {
        this.logs.push(started.error);
        return { ok: false, exitCode: 1, log: started.error };
      }
      this.nginx = started.instance;
      this.nginxPorts = started.ports;
    }
    return { ok: true };
  }

  get running(): boolean {
    return this.finished === undefined;
  }

  /** The container's programs by name: its image's tools, each bound to this container. */
  programs(): ProgramTable {
    if (!this.table) {
      const table = new Map<string, Program>();
      const context = this.runtimeContext(() => table);
      for (const tool of this.image.spec.tools) {
        const factory = this.registry.factory(tool);
        table.set(tool, factory ? factory(context) : unsimulatedProgram(tool));
      }
      this.table = table;
    }
    return this.table;
  }

  private runtimeContext(programs: () => ProgramTable): ContainerRuntimeContext {
    return {
      namespace: this.pod.namespace,
      podName: this.pod.podName,
      podUID: this.pod.podUID,
      podIP: this.pod.podIP,
      nodeName: this.pod.nodeName,
      hostNetwork: this.pod.hostNetwork,
      containerName: this.name,
      hostname: this.pod.hostname,
      image: this.image,
      fs: this.fs,
      programs,
    };
  }

  /** Resolves argv[0] as runc does: a bare name through PATH (the image's tools), a path by its file. */
  resolveProgram(argv0: string): { program: Program } | { message: string } {
    const table = this.programs();
    if (argv0.includes('/')) {
      const program = table.get(basename(argv0));
      const isImageFile = this.fs.readFile(argv0) !== undefined;
      if (program && isImageFile) return { program };
      return { message: `exec: "${argv0}": stat ${argv0}: no such file or directory` };
    }
    const program = table.get(argv0);
    if (program) return { program };
    return { message: `exec: "${argv0}": executable file not found in $PATH` };
  }

  /** Runs argv in the container (kubectl exec). */
  async exec(argv: string[], stdin: string, tty: boolean): Promise<ExecOutcome> {
    return this.execMaybeSync(argv, stdin, tty);
  }

  /**
   * Runs argv, synchronously when the program answers synchronously: probes
   * run inside the kubelet's synchronous sync loop and use the result at once
   * when they can.
   */
  execMaybeSync(argv: string[], stdin: string, tty: boolean): ExecOutcome | Promise<ExecOutcome> {
    const resolved = this.resolveProgram(argv[0] ?? '');
    if ('message' in resolved) return { kind: 'not-found', message: `OCI runtime exec failed: exec failed: unable to start container process: ${resolved.message}: unknown` };
    const context: ProgramContext = {
      argv,
      stdin,
      env: processEnvironment(this.env, { tty, home: this.home }),
      cwd: this.workingDir,
      fs: this.fs,
      run: (script, input) => this.runScript(script, input ?? '', tty),
      sleep: this.sleep,
    };
    const result = resolved.program(context);
    if (result instanceof Promise) return result.then((r): ExecOutcome => ({ kind: 'ran', result: r }));
    return { kind: 'ran', result };
  }

  private async runScript(script: string, stdin: string, tty: boolean): Promise<CommandResult> {
    const outcome = await this.exec(['sh', '-c', script], stdin, tty);
    if (outcome.kind === 'ran') return outcome.result;
    return { stdout: '', stderr: `${outcome.message}\n`, exitCode: 127 };
  }

  /** The sockets open at `nowMs`: none before the daemon has started listening or after it exited. */
  listeners(nowMs: number): Listener[] {
    if (this.process.kind !== 'daemon' || !this.running) return [];
    const daemon = this.process.daemon;
    if (nowMs < this.startedAtMs + daemon.startupSeconds * 1000) return [];
    const out: Listener[] = [];
    for (const server of daemon.servers) {
      const handler = server.handler;
      if (handler.kind === 'nginx') {
        if (handler.reloadOnConfigChange) this.reloadNginx(handler.version);
        for (const { port, ssl, loopbackOnly } of this.nginxPorts) out.push(this.nginxListener(port, ssl, loopbackOnly));
        continue;
      }
      let port = server.port;
      if (daemon.portFlag && out.length === 0) {
        const flag = this.process.argv.find((a) => a.startsWith(`${daemon.portFlag}=`));
        if (flag) port = Number(flag.slice(daemon.portFlag.length + 1));
      }
      out.push({
        port,
        protocol: server.protocol,
        handler,
        tls: server.tls === true,
        containerName: this.name,
        certificate: () => undefined,
        serve: (request, at) => this.answer(request, at),
      });
    }
    return out;
  }

  private reloadNginx(version: string): void {
    const started = startNginx(this.fs, version);
    // `nginx -s reload` keeps the old configuration when the new one is broken.
    if (started.ok) {
      this.nginx = started.instance;
      this.nginxPorts = started.ports;
    }
  }

  private nginxListener(port: number, ssl: boolean, loopbackOnly: boolean): Listener {
    const handler = this.process.kind === 'daemon' ? this.process.daemon.servers[0].handler : ({ kind: 'tcp' } as const);
    return {
      port,
      protocol: 'TCP',
      handler,
      tls: ssl,
      loopbackOnly,
      containerName: this.name,
      certificate: (serverName) => (this.nginx ? nginxCertificate(this.nginx, this.fs, port, serverName) : undefined),
      serve: (request, at) => {
        if (!this.nginx) return undefined;
        const response = serveNginx(this.nginx, request, this.serverContext(at), port);
        this.logs.push(nginxAccessLogLine(request, response, at));
        return response;
      },
    };
  }

  private serverContext(nowMs: number): ServerContext {
    return { fs: this.fs, hostname: this.pod.hostname, podIP: this.pod.podIP, nowMs, startedAtMs: this.startedAtMs };
  }

  private answer(request: HttpRequest, nowMs: number): HttpResponse | undefined {
    if (this.process.kind !== 'daemon') return undefined;
    const port = request.server.port;
    const ctx = this.serverContext(nowMs);
    const spec = this.process.daemon.servers.find((s) => s.port === port) ?? this.process.daemon.servers[0];
    const handler = spec.handler;
    switch (handler.kind) {
      case 'kubia':
        // app.js logs every request; node reports IPv4 clients as IPv4-mapped IPv6 addresses.
        this.logs.push(`Received request from ::ffff:${request.client.ip}`);
        return serveKubia(handler.body ?? 'hostname', request, ctx);
      case 'text':
        return goTextResponse(handler.status, handler.body, ctx);
      case 'netexec':
        return serveNetexec(request, ctx);
      case 'echoserver':
        return serveEchoserver(request, ctx);
      case 'httpd':
        return serveHttpd(handler.root, handler.version, request, ctx);
      case 'static':
        return serveStaticFiles(handler.root, handler.index, request, ctx);
      default:
        return undefined;
    }
  }
}
