/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME`
 * (kubectl/pkg/cmd/create/create_service.go): ports from `--tcp=port[:target]`
 * named `port-target`, label and selector `app=NAME`.
 */
import type { CommandSpec, Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { int, str, strSlice, type FlagSpec } from '../../flags/flag-spec.ts';
import { createGenerated, createSubcommandFlags, generatorNamespace, nameArgument } from './create-generated.ts';
import { isDns1123Subdomain, parsePort, portNameErrors, portNumErrors } from './port-names.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { ApiError } from '../../../apiserver/types.ts';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServiceGeneratorOptions {
  name: string;
  type: ServiceType;
  tcp: string[];
  clusterIP: string;
  nodePort: number;
  externalName: string;
  namespace?: string;
}

/** parsePorts: `80`, `80:8080`, `80:http`. */
function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const target = parts[1];
  if (/^[+-]?\d+$/.test(target)) {
    const n = Number(target);
    const errs = portNumErrors(n);
    if (errs.length > 0) throw new KubectlError(errs.join(','));
    return { port, targetPort: n };
  }
  const errs = portNameErrors(target);
  if (errs.length > 0) throw new KubectlError(errs.join(','));
  return { port, targetPort: target };
}

/** ServiceOptions.Validate then createService; fields in core/v1 struct order. */
export function generateService(o: ServiceGeneratorOptions): KubeObject {
  if (o.clusterIP === 'None' && o.type !== 'ClusterIP') throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type');
  if (o.clusterIP !== 'None' && o.tcp.length === 0 && o.type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided');
  if (o.type === 'ExternalName' && !isDns1123Subdomain(o.externalName)) throw new KubectlError(`invalid service external name ${o.externalName}`);
  const ports = o.tcp.map((spec) => {
    let parsed;
    try {
      parsed = parsePorts(spec);
    } catch (e) {
      throw new KubectlError((e as Error).message);
    }
    return { name: spec.replace(/:/g, '-'), protocol: 'TCP', port: parsed.port, targetPort: parsed.targetPort, ...(o.nodePort ? { nodePort: o.nodePort } : {}) };
  });
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { app: o.name };
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  spec.type = o.type;
  if (o.externalName) spec.externalName = o.externalName;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), creationTimestamp: null as unknown as string, labels: { app: o.name } },
    spec,
    status: { loadBalancer: {} },
  };
}

function serviceCommand(name: string, type: ServiceType, extra: FlagSpec[], required: string[] = []): CommandSpec {
  return {
    name,
    flags: [...createSubcommandFlags(), strSlice('tcp'), ...extra],
    requiredFlags: required,
    run: (inv: Invocation) => {
      const svcName = nameArgument(inv);
      const has = (flag: string) => inv.flags.has(flag);
      const obj = generateService({
        name: svcName,
        type,
        tcp: inv.flags.list('tcp'),
        clusterIP: has('clusterip') ? inv.flags.string('clusterip') : '',
        nodePort: has('node-port') ? inv.flags.int('node-port') : 0,
        externalName: has('external-name') ? inv.flags.string('external-name') : '',
        namespace: generatorNamespace(inv),
      });
      try {
        createGenerated(inv, obj);
      } catch (e) {
        // create_service.go wraps the server's error: "failed to create %s service: %v" (v0.31 pkg/cmd/create),
        // so kubectl prints the Status message after "error: " instead of its usual "The Service ... is invalid".
        if (e instanceof ApiError) throw new KubectlError(`failed to create ${type} service: ${e.message}`);
        throw e;
      }
    },
  };
}

export const createServiceCommand: CommandSpec = {
  name: 'service',
  aliases: ['svc'],
  flags: [],
  subcommands: [
    serviceCommand('clusterip', 'ClusterIP', [str('clusterip')]),
    serviceCommand('externalname', 'ExternalName', [str('external-name')], ['external-name']),
    serviceCommand('loadbalancer', 'LoadBalancer', []),
    serviceCommand('nodeport', 'NodePort', [int('node-port', undefined, '0')]),
  ],
};
