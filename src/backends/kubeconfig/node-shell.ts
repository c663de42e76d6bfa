/**
 * Commands "on a node" of a real cluster. kind's nodes are containers on the
 * user's machine, so `docker exec NODE sh -c ...` is a shell on the node.
 */
import type { CommandResult } from '../../shell/types.ts';
import { runOnHost, type HostShellOptions } from './host-shell.ts';

export interface NodeShell {
  run(node: string, commands: string[], options: HostShellOptions): Promise<CommandResult[]>;
}

/** Quotes a script as one sh word. */
function quoted(script: string): string {
  return `'${script.replace(/'/g, `'\\''`)}'`;
}

/** kind: each command in `docker exec <node> sh -c '...'`, on the user's machine. */
export class DockerExecNodeShell implements NodeShell {
  constructor(private readonly docker = 'docker') {}

  async run(node: string, commands: string[], options: HostShellOptions): Promise<CommandResult[]> {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(node)) {
      return [{ stdout: '', stderr: `error: "${node}" is not a node name\n`, exitCode: 1 }];
    }
    return runOnHost(commands.map((c) => `${this.docker} exec ${node} sh -c ${quoted(c)}`), options);
  }
}

/**
 * Nodes that are network namespaces of the user's machine (the reference
 * cluster, scripts/reference-cluster): `ip netns exec NETNS sh -c '...'` runs
 * in the node's network stack, where kube-proxy wrote its rules.
 */
export class NetnsNodeShell implements NodeShell {
  /** @param namespaces node name → network namespace */
  constructor(private readonly namespaces: ReadonlyMap<string, string>) {}

  /** Reads KUBE_SCENARIOS_NODE_NETNS="node=netns,node=netns". */
  static fromSetting(value: string): NetnsNodeShell {
    const pairs = value.split(',').map((p) => p.trim()).filter(Boolean).map((p) => p.split('='));
    for (const pair of pairs) {
      if (pair.length !== 2 || !pair[0] || !pair[1]) throw new Error(`KUBE_SCENARIOS_NODE_NETNS takes node=netns pairs separated by commas, not "${value}"`);
    }
    return new NetnsNodeShell(new Map(pairs as [string, string][]));
  }

  async run(node: string, commands: string[], options: HostShellOptions): Promise<CommandResult[]> {
    const netns = this.namespaces.get(node);
    if (!netns) return [{ stdout: '', stderr: `Error from server (NotFound): nodes "${node}" not found\n`, exitCode: 1 }];
    return runOnHost(commands.map((c) => `ip netns exec ${netns} sh -c ${quoted(c)}`), options);
  }
}
