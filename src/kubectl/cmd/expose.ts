/**
 * `kubectl expose` (kubectl/pkg/cmd/expose/expose.go, its service generator,
 * polymorphichelpers mapbasedselectorforobject / portsforobject /
 * protocolsforobject): a Service for a pod, replication controller,
 * replica set, deployment or service, selector and ports introspected from it.
 */
import type { KubeObject, LabelSelector } from '../../api/meta.ts';
import type { Container } from '../../api/core.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../dry-run.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, bool, str } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { checkWriteOutput, printWritten, type PrintItem } from '../print-result.ts';
import { byNameOrFile, selectObjects } from '../select-objects.ts';
import { forServer } from '../server-object.ts';

const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

function podSpecOf(obj: KubeObject): { containers?: Container[] } | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (obj.kind === 'Pod') return spec as { containers?: Container[] };
  return (spec?.template as { spec?: { containers?: Container[] } } | undefined)?.spec;
}

/** MapBasedSelectorForObject. */
function selectorOf(obj: KubeObject): Record<string, string> {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) {
        throw new KubectlError(`the pod has no labels and cannot be exposed`);
      }
      return obj.metadata.labels;
    case 'Service':
      if (!spec.selector) throw new KubectlError('the service has no pod selector set');
      return spec.selector as Record<string, string>;
    case 'ReplicationController':
      return (spec.selector as Record<string, string>) ?? {};
    default: {
      const selector = (spec.selector ?? {}) as LabelSelector;
      if (selector.matchExpressions && selector.matchExpressions.length > 0) {
        throw new KubectlError(`couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`);
      }
      return selector.matchLabels ?? {};
    }
  }
}

/** PortsForObject and ProtocolsForObject: port numbers with their protocols. */
function portsOf(obj: KubeObject): { port: number; protocol: string }[] {
  if (obj.kind === 'Service') {
    return (((obj.spec as Record<string, unknown>).ports ?? []) as { port: number; protocol?: string }[]).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  }
  const out: { port: number; protocol: string }[] = [];
  for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) out.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP' });
  return out;
}

/** The Service generator (generate/versioned/service.go), fields in struct order. */
function generateService(inv: Invocation, source: KubeObject, name: string): KubeObject {
  const flag = (n: string) => inv.flags.string(n);
  const selectorText = flag('selector');
  const selector = selectorText
    ? Object.fromEntries(selectorText.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
    : selectorOf(source);
  const introspected = portsOf(source);
  const portStrings = flag('port') !== '' ? flag('port').split(',') : introspected.map((p) => String(p.port));
  if (portStrings.length === 0) throw new KubectlError("couldn't find port via --port flag or introspection");
  const protocolFlag = flag('protocol');
  const ports = portStrings.map((text, i) => {
    const port = Number(text.trim());
    if (!/^\d+$/.test(text.trim())) throw new KubectlError(`strconv.Atoi: parsing "${text.trim()}": invalid syntax`);
    const protocol = protocolFlag || introspected.find((p) => p.port === port)?.protocol || 'TCP';
    const target = flag('target-port');
    const targetPort = target === '' ? port : /^\d+$/.test(target) ? Number(target) : target;
    return { ...(portStrings.length > 1 ? { name: `port-${i + 1}` } : {}), protocol, port, targetPort };
  });
  const labelsText = flag('labels');
  const labels = labelsText
    ? Object.fromEntries(labelsText.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
    : source.metadata.labels;
  const spec: Record<string, unknown> = { ports, selector };
  if (flag('cluster-ip')) spec.clusterIP = flag('cluster-ip');
  if (flag('type')) spec.type = flag('type');
  if (flag('external-ip')) spec.externalIPs = [flag('external-ip')];
  const affinity = flag('session-affinity');
  if (affinity) {
    if (affinity !== 'ClientIP' && affinity !== 'None') throw new KubectlError(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (spec.type === 'LoadBalancer' && flag('load-balancer-ip')) spec.loadBalancerIP = flag('load-balancer-ip');
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: null as unknown as string, ...(labels && Object.keys(labels).length > 0 ? { labels } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
}

function run(inv: Invocation): void {
  checkWriteOutput(inv.flags.string('output'));
  const strategy = dryRunStrategy(inv);
  const { namespace, enforce } = commandNamespace(inv);
  const sel = selectObjects(inv, inv.args, byNameOrFile(inv, namespace, enforce));
  const errors = [...sel.errors];
  const api = inv.host.api;
  for (const item of sel.items) {
    try {
      if (!EXPOSABLE.includes(item.object.kind)) throw new KubectlError(`cannot expose a ${item.object.kind}`);
      const name = inv.flags.string('name') || (item.object.metadata.name ?? '');
      let svc = generateService(inv, item.object, name);
      const resource = api.resolveResource('services')!;
      if (strategy !== 'client') {
        const toSend = forServer(svc);
        toSend.metadata.namespace = item.object.metadata.namespace ?? namespace;
        const result = api.create(toSend, { dryRun: strategy === 'server', fieldManager: inv.flags.string('field-manager') });
        for (const w of result.warnings) inv.out.warning(w);
        svc = result.object;
        inv.host.settle();
      }
      const written: PrintItem = { resource, object: svc };
      printWritten(inv, written, `exposed${dryRunSuffix(strategy)}`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

export const exposeCommand: CommandSpec = {
  name: 'expose',
  flags: [
    ...PRINT_FLAGS,
    str('cluster-ip'),
    DRY_RUN_FLAG,
    str('external-ip'),
    str('field-manager', undefined, 'kubectl-expose'),
    ...FILENAME_FLAGS,
    str('labels', 'l'),
    str('load-balancer-ip'),
    str('name'),
    str('override-type', undefined, 'merge'),
    str('overrides'),
    str('port'),
    str('protocol'),
    bool('save-config'),
    str('selector'),
    str('session-affinity'),
    str('target-port'),
    str('type'),
  ],
  run,
};
