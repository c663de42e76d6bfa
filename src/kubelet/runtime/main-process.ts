/**
 * What a container's main process does, decided from the image and the
 * container's command and args: the image's own daemon (nginx, kubia's node,
 * httpd ...), a generic program (`sleep 3600`, `sh -c 'while true; ...'`,
 * busybox's bare `sh`), or nothing at all because argv[0] is not in the image.
 *
 * argv: the container's `command` replaces the image ENTRYPOINT and CMD, `args`
 * alone replaces CMD (Kubernetes docs "Define a Command and Arguments",
 * containerd WithProcessArgs); `$(VAR)` expands against the container's
 * variables (kubecontainer.ExpandContainerCommandAndArgs).
 *
 * PID 1 gets no default signal handling: a shell, `sleep` or node without a
 * handler ignores SIGTERM and is SIGKILLed when the grace period ends (exit 137).
 */
import type { Container } from '../../api/core.ts';
import type { DaemonSpec, ImageSpec } from '../../images/image-spec.ts';
import { expandReferences } from '../env/expansion.ts';

/** Single values of the container's environment (a ProcessEnvironment, or one laid out lazily). */
export interface EnvLookup {
  get(name: string): string | undefined;
}

export type MainProcess =
  | { kind: 'daemon'; argv: string[]; daemon: DaemonSpec }
  | {
      kind: 'program';
      argv: string[];
      /** Seconds until it exits by itself, or forever. */
      runsFor: number | 'forever';
      exitCode: number;
      onStop: DaemonSpec['onStop'];
    }
  /** runc could not start argv[0]: the container never runs (StartError, exit 128). */
  | { kind: 'start-error'; argv: string[]; message: string };

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The argv containerd runs for `container` on `image`. */
export function containerArgv(container: Container, image: ImageSpec, env: EnvLookup): string[] {
  const expand = (s: string): string => expandReferences(s, (name) => env.get(name));
  const command = container.command?.map(expand);
  const args = container.args?.map(expand);
  if (command && command.length > 0) return [...command, ...(args ?? [])];
  if (args && args.length > 0) return [...(image.entrypoint ?? []), ...args];
  return [...(image.entrypoint ?? []), ...(image.cmd ?? [])];
}

/** Whether `name` (a bare name or a path) names a program of the image. */
export function imageHasProgram(image: ImageSpec, name: string): boolean {
  if (image.tools.includes(basename(name))) return true;
  if (name.startsWith('/') || name.startsWith('./')) return Object.prototype.hasOwnProperty.call(image.files, name.replace(/^\.\//, '/'));
  return false;
}

/** runc's error for an argv[0] it cannot exec, as containerd 1.7 wraps it. */
export function execNotFoundMessage(argv0: string): string {
  const reason = argv0.includes('/') ? `exec: "${argv0}": stat ${argv0}: no such file or directory` : `exec: "${argv0}": executable file not found in $PATH`;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${reason}: unknown`;
}

function stripWrappers(argv: string[], image: ImageSpec): string[] {
  let rest = argv;
  while (rest.length > 0 && (image.execWrappers ?? []).some((w) => w === rest[0] || basename(w) === basename(rest[0]))) {
    rest = rest.slice(1);
    if (rest[0] === '--') rest = rest.slice(1);
  }
  return rest;
}

function matchDaemon(argv: string[], image: ImageSpec): DaemonSpec | undefined {
  return image.daemons.find((d) => d.argv.length <= argv.length && d.argv.every((part, i) => (i === 0 ? basename(part) === basename(argv[0]) : part === argv[i])));
}

/** `sleep` durations: seconds with an optional s/m/h/d suffix, or `infinity`. */
function sleepSeconds(args: string[]): number | 'forever' {
  let total = 0;
  for (const arg of args) {
    if (arg === 'infinity' || arg === 'inf') return 'forever';
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
    if (!m) return 0;
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  return total;
}

/** How long a `sh -c` script keeps its shell alive, read from its shape (loops, sleeps, tails). */
function scriptRunsFor(script: string): number | 'forever' {
  if (/\bwhile\s+(true|:)\b|\bwhile\s+\[\s*1\s*\]|\buntil\s+false\b|\bsleep\s+inf(inity)?\b|\btail\s+-f\b|\bfor\s*\(\(\s*;\s*;\s*\)\)/.test(script)) return 'forever';
  let total = 0;
  for (const m of script.matchAll(/\bsleep\s+([0-9.]+[smhd]?)/g)) {
    const s = sleepSeconds([m[1]]);
    if (s === 'forever') return 'forever';
    total += s;
  }
  return total;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
const PID1_IGNORES_SIGTERM = 'ignored' as const;

/** Decides the main process of `container` on `image`. */
export function mainProcess(container: Container, image: ImageSpec, env: EnvLookup): MainProcess {
  const argv = containerArgv(container, image, env);
  if (argv.length === 0) return { kind: 'start-error', argv, message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: args must not be empty: unknown' };
  const effective = stripWrappers(argv, image);
  const daemon = effective.length > 0 ? matchDaemon(effective, image) : undefined;
  if (daemon) return { kind: 'daemon', argv, daemon };
  if (!imageHasProgram(image, argv[0])) return { kind: 'start-error', argv, message: execNotFoundMessage(argv[0]) };
  if (effective.length === 0) return { kind: 'program', argv, runsFor: 0, exitCode: 0, onStop: PID1_IGNORES_SIGTERM };
  const name = basename(effective[0]);
  const args = effective.slice(1);
  if (name !== basename(argv[0]) && !imageHasProgram(image, effective[0])) {
    // A wrapper script exec'ing a missing program: the script itself reports it and exits 127.
    return { kind: 'program', argv, runsFor: 0, exitCode: 127, onStop: PID1_IGNORES_SIGTERM };
  }
  if (name === 'sleep') return { kind: 'program', argv, runsFor: sleepSeconds(args), exitCode: 0, onStop: PID1_IGNORES_SIGTERM };
  if (SHELLS.has(name)) {
    const c = args.indexOf('-c');
    if (c >= 0) return { kind: 'program', argv, runsFor: scriptRunsFor(args.slice(c + 1).join(' ')), exitCode: 0, onStop: PID1_IGNORES_SIGTERM };
    // An interactive shell lives as long as its stdin is open (`kubectl run -i`, `stdin: true`).
    return { kind: 'program', argv, runsFor: container.stdin ? 'forever' : 0, exitCode: 0, onStop: PID1_IGNORES_SIGTERM };
  }
  if (name === 'tail' && args.some((a) => a === '-f' || a === '-F' || a.startsWith('--follow'))) return { kind: 'program', argv, runsFor: 'forever', exitCode: 0, onStop: PID1_IGNORES_SIGTERM };
  if (name === 'cat' && args.length === 0) return { kind: 'program', argv, runsFor: container.stdin ? 'forever' : 0, exitCode: 0, onStop: PID1_IGNORES_SIGTERM };
  if (name === 'false') return { kind: 'program', argv, runsFor: 0, exitCode: 1, onStop: PID1_IGNORES_SIGTERM };
  return { kind: 'program', argv, runsFor: 0, exitCode: 0, onStop: PID1_IGNORES_SIGTERM };
}
