/**
 * The reference cluster (scripts/reference-cluster) as a ClusterUnderCheck:
 * kubectl 1.31 with its kubeconfig, dig against its CoreDNS on the control
 * plane's address, and the nat table of a kube-proxy started for the check
 * (kube-proxy-namespace.ts).
 */
import { spawn } from 'node:child_process';
import { CONTROL_PLANE } from '../../../reference-cluster/network.ts';
import type { ClusterUnderCheck, CommandOutput } from './cluster-under-check.ts';

/** The 1.31 client the memory backend imitates (KUBE_SCENARIOS_KUBECTL names another). */
export const REFERENCE_KUBECTL = process.env.KUBE_SCENARIOS_KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.31';

/** The reference's CoreDNS listens on the control plane's address (its Corefile binds it). */
export const REFERENCE_DNS_SERVER = CONTROL_PLANE.address;

/** Runs a program, `stdin` on its standard input; a failure is an exit code, not an exception. */
export function runProgram(file: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, stdin?: string): Promise<CommandOutput> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // A program that could not start (ENOENT) reports 127, as a shell would.
    child.on('error', (e) => resolve({ stdout, stderr: e.message, exitCode: 127 }));
    child.on('close', (code, signal) => resolve({ stdout, stderr, exitCode: code ?? (signal ? 128 : 1) }));
    child.stdin.end(stdin ?? '');
  });
}

export class ReferenceSide implements ClusterUnderCheck {
  readonly side = 'reference' as const;
  /** Set once kube-proxy runs. */
  natSource?: () => Promise<string>;

  constructor(
    readonly kubeconfig: string,
    readonly kubectlPath = REFERENCE_KUBECTL,
  ) {}

  /** kubectl with `stdin` on its standard input (`apply -f -`). */
  kubectl(args: readonly string[], stdin?: string): Promise<CommandOutput> {
    return runProgram(this.kubectlPath, args, { ...process.env, KUBECONFIG: this.kubeconfig }, stdin);
  }

  dig(args: readonly string[]): Promise<CommandOutput> {
    return runProgram('dig', [`@${REFERENCE_DNS_SERVER}`, ...args]);
  }

  async natTable(): Promise<string> {
    if (!this.natSource) throw new Error('kube-proxy is not running for the reference cluster');
    return this.natSource();
  }

  pause(seconds: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}
