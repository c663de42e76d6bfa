/** What every check needs from a cluster, whichever it is. */
import type { AddressBook } from './address-book.ts';

export type Side = 'reference' | 'memory';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ClusterUnderCheck {
  readonly side: Side;
  /** kubectl (a 1.31 client) with these arguments, against this cluster. */
  kubectl(args: readonly string[]): Promise<CommandOutput>;
  /** `dig @<cluster DNS> ARGS`: the reference asks its CoreDNS, the memory backend asks from a pod. */
  dig(args: readonly string[]): Promise<CommandOutput>;
  /** `iptables-save -t nat` as kube-proxy programmed it for node kind-worker. */
  natTable(): Promise<string>;
  /** Lets time pass: real seconds on the reference, virtual ones on memory. */
  pause(seconds: number): Promise<void>;
}

/** The command line a person would type for `args`, for reports. */
export function commandLine(program: string, args: readonly string[]): string {
  return [program, ...args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(' ');
}

/** Polls `condition` once a second (as the cluster counts seconds) until it holds or `timeoutSeconds` pass. */
export async function waitFor(cluster: ClusterUnderCheck, timeoutSeconds: number, condition: () => Promise<boolean>): Promise<boolean> {
  for (let waited = 0; ; waited++) {
    if (await condition()) return true;
    if (waited >= timeoutSeconds) return false;
    await cluster.pause(1);
  }
}

/** A settled cluster with the names of its objects: what a check takes of each side. */
export interface NamedCluster {
  cluster: ClusterUnderCheck;
  book: AddressBook;
}
