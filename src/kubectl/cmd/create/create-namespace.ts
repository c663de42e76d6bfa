/** `kubectl create namespace NAME` (kubectl/pkg/cmd/create/create_namespace.go). */
import type { CommandSpec, Invocation } from '../../command.ts';
import { createGenerated, createSubcommandFlags, nameArgument } from './create-generated.ts';

function run(inv: Invocation): void {
  const name = nameArgument(inv);
  createGenerated(inv, { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null as unknown as string }, spec: {}, status: {} });
}

export const createNamespaceCommand: CommandSpec = { name: 'namespace', aliases: ['ns'], flags: createSubcommandFlags(), run };
