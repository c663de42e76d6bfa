/**
 * The flow every `kubectl create <generator>` shares
 * (kubectl/pkg/cmd/create/create.go CreateSubcommandOptions): one NAME
 * argument, an object built client-side, `--save-config`, `--dry-run`, then
 * the name printer's `created` or the `-o` format.
 */
import type { KubeObject } from '../../../api/meta.ts';
import type { Invocation } from '../../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../../dry-run.ts';
import { UsageError } from '../../errors.ts';
import { DRY_RUN_FLAG, bool, str, type FlagSpec } from '../../flags/flag-spec.ts';
import { LAST_APPLIED_ANNOTATION } from '../../last-applied.ts';
import { resourceForObject } from '../../manifests/resource-for-object.ts';
import { commandNamespace } from '../../namespace.ts';
import { checkWriteOutput, printWritten } from '../../print-result.ts';
import { forServer } from '../../server-object.ts';

/** The flags of every create subcommand (PrintFlags, dry-run, save-config, validate, field-manager). */
export function createSubcommandFlags(fieldManager = 'kubectl-create'): FlagSpec[] {
  return [
    bool('allow-missing-template-keys', undefined, 'true'),
    DRY_RUN_FLAG,
    str('field-manager', undefined, fieldManager),
    str('output', 'o'),
    bool('save-config'),
    bool('show-managed-fields'),
    str('template'),
    { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' },
  ];
}

/** NameFromCommandArgs: exactly one positional NAME. */
export function nameArgument(inv: Invocation): string {
  const names = inv.argsLenAtDash >= 0 ? inv.args.slice(0, inv.argsLenAtDash) : inv.args;
  if (names.length !== 1) throw new UsageError(`exactly one NAME is required, got ${names.length}`, inv.commandPath);
  return names[0];
}

/** The namespace generators put in metadata: only an explicit `-n` (EnforceNamespace). */
export function generatorNamespace(inv: Invocation): string | undefined {
  const ns = commandNamespace(inv);
  return ns.enforce ? ns.namespace : undefined;
}

/** Sends (or, with --dry-run=client, only prints) a generated object. */
export function createGenerated(inv: Invocation, generated: KubeObject): void {
  checkWriteOutput(inv.flags.string('output'));
  const strategy = dryRunStrategy(inv);
  let obj = generated;
  if (inv.flags.bool('save-config')) {
    // CreateOrUpdateAnnotation with the typed JSON encoder: struct field order, trailing newline.
    const value = JSON.stringify(obj) + '\n';
    obj = { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value } } };
  }
  const api = inv.host.api;
  const resource = resourceForObject(api, obj, '');
  if (strategy !== 'client') {
    const toSend = forServer(obj);
    if (resource.namespaced && !toSend.metadata.namespace) toSend.metadata = { ...toSend.metadata, namespace: commandNamespace(inv).namespace };
    const result = api.create(toSend, { dryRun: strategy === 'server', fieldManager: inv.flags.string('field-manager') });
    for (const w of result.warnings) inv.out.warning(w);
    obj = result.object;
    inv.host.settle();
  }
  printWritten(inv, { resource, object: obj }, `created${dryRunSuffix(strategy)}`, true);
}
