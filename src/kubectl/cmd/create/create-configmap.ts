/** `kubectl create configmap NAME [--from-file] [--from-literal] [--from-env-file]` (kubectl/pkg/cmd/create/create_configmap.go). */
import type { CommandSpec, Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { bool, strArray, strSlice } from '../../flags/flag-spec.ts';
import { createGenerated, createSubcommandFlags, generatorNamespace, nameArgument } from './create-generated.ts';
import { configMapKeyErrors, readDataSources, sortedRecord } from './data-sources.ts';

function run(inv: Invocation): void {
  const name = nameArgument(inv);
  const data = new Map<string, string>();
  readDataSources(
    inv,
    { fromFile: inv.flags.list('from-file'), fromLiteral: inv.flags.list('from-literal'), fromEnvFile: inv.flags.list('from-env-file') },
    {
      add(key, value) {
        const errs = configMapKeyErrors(key);
        if (errs.length > 0) throw new KubectlError(`"${key}" is not a valid key name for a ConfigMap: ${errs.join(',')}`);
        if (data.has(key)) throw new KubectlError(`cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`);
        data.set(key, value);
      },
    },
  );
  const namespace = generatorNamespace(inv);
  createGenerated(inv, {
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as string },
    ...(data.size > 0 ? { data: sortedRecord(data) } : {}),
  });
}

export const createConfigMapCommand: CommandSpec = {
  name: 'configmap',
  aliases: ['cm'],
  flags: [...createSubcommandFlags(), bool('append-hash'), strSlice('from-env-file'), strSlice('from-file'), strArray('from-literal')],
  run,
};
