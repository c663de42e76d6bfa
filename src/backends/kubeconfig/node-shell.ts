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
