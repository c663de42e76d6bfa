/**
 * The environment a container's process sees, as containerd 1.7's CRI plugin
 * builds the OCI spec (pkg/cri/server/container_create_linux.go
 * containerSpec: oci.WithDefaultPathEnv, WithTTY's TERM=xterm, HOSTNAME, then
 * the image's Env, then the kubelet's variables, each through
 * oci.WithEnv/replaceOrAppendEnvValues: a name already present keeps its
 * place and takes the new value). For `kubectl exec -t`, containerd adds
 * TERM=xterm to the exec process; runc sets HOME last when it is missing.
 */
import type { EnvVarPair } from './envvars.ts';
import { DEFAULT_PATH } from '../../images/catalog/tool-sets.ts';

/** An ordered environment: names keep the place they were first set at. */
export type ProcessEnvironment = Map<string, string>;

function replaceOrAppend(env: ProcessEnvironment, name: string, value: string): void {
  env.set(name, value);
}

export interface ProcessEnvironmentInput {
  /** The pod's hostname (the sandbox's hostname: pod name or spec.hostname). */
  hostname: string;
  /** The image config's Env in its order. */
  imageEnv: Readonly<Record<string, string>>;
  /** What the kubelet passed (container-env.ts). */
  kubeletEnv: readonly EnvVarPair[];
  /** The container's own `tty: true`. */
  tty: boolean;
}

/** The container's main process environment (without HOME, which runc adds per process). */
export function containerProcessEnvironment(input: ProcessEnvironmentInput): ProcessEnvironment {
  const env: ProcessEnvironment = new Map();
  replaceOrAppend(env, 'PATH', DEFAULT_PATH);
  if (input.tty) replaceOrAppend(env, 'TERM', 'xterm');
  replaceOrAppend(env, 'HOSTNAME', input.hostname);
  for (const [name, value] of Object.entries(input.imageEnv)) replaceOrAppend(env, name, value);
  for (const { name, value } of input.kubeletEnv) replaceOrAppend(env, name, value);
  return env;
}

/** The environment of one process started in the container (main process or exec): TERM for a tty, HOME when unset. */
export function processEnvironment(containerEnv: ProcessEnvironment, options: { tty: boolean; home: string }): ProcessEnvironment {
  const env: ProcessEnvironment = new Map(containerEnv);
  if (options.tty) replaceOrAppend(env, 'TERM', 'xterm');
  if (!env.has('HOME')) env.set('HOME', options.home);
  return env;
}
