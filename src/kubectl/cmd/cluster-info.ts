/**
 * `kubectl cluster-info` (kubectl/pkg/cmd/clusterinfo/clusterinfo.go): the
 * control plane URL, then each kube-system service labelled
 * kubernetes.io/cluster-service=true by its kubernetes.io/name label and the
 * API server proxy URL of its first port. Colour codes only on a terminal,
 * which a scenario never has.
 */
import type { Service } from '../../api/core.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';

function run(inv: Invocation): void {
  if (inv.args.length > 0 && inv.args[0] !== 'dump') throw new KubectlError(`unknown command "${inv.args.join(' ')}"\nSee 'kubectl cluster-info -h' for help and examples`);
  const base = inv.host.controlPlaneURL;
  let out = `Kubernetes control plane is running at ${base}\n`;
  const services = inv.host.api.list<Service>('Service', { namespace: 'kube-system', labelSelector: 'kubernetes.io/cluster-service=true' });
  for (const svc of services) {
    const port = svc.spec.ports?.[0];
    if (!port) continue;
    const name = svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name;
    const ingress = svc.status?.loadBalancer?.ingress?.[0];
    const link = ingress
      ? `http://${ingress.ip || ingress.hostname}:${port.port}`
      : `${base}/api/v1/namespaces/${svc.metadata.namespace}/services/${svc.metadata.name}${port.name ? `:${port.name}` : ''}/proxy`;
    out += `${name} is running at ${link}\n`;
  }
  inv.out.out(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
}

export const clusterInfoCommand: CommandSpec = { name: 'cluster-info', flags: [], run };
