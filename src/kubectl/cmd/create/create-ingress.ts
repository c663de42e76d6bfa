/**
 * `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]]`
 * (kubectl/pkg/cmd/create/create_ingress.go): a trailing `*` makes the path
 * Prefix (else Exact), rules of one host share a rule, TLS hosts grouped by
 * secret. Server errors come back wrapped as `failed to create ingress: ...`.
 */
import type { CommandSpec, Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { str, strArray } from '../../flags/flag-spec.ts';
import { createGenerated, createSubcommandFlags, generatorNamespace, nameArgument } from './create-generated.ts';
import { ApiError } from '../../../apiserver/types.ts';
import type { KubeObject } from '../../../api/meta.ts';

/** regexHostPathSvc + regexTLS, unanchored at the end as in Go. */
const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

function backend(service: string): Record<string, unknown> {
  const [name, port] = service.split(':');
  return { service: { name, port: /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

export interface IngressGeneratorOptions {
  name: string;
  className: string;
  rules: string[];
  defaultBackend: string;
  annotations: string[];
  namespace?: string;
}

/** Validate then createIngress. */
export function generateIngress(o: IngressGeneratorOptions): KubeObject {
  if (o.defaultBackend === '' && o.rules.length === 0) {
    throw new KubectlError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  }
  for (const rule of o.rules) {
    if (!RULE.test(rule)) throw new KubectlError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  }
  const annotations = new Map<string, string>();
  for (const a of o.annotations) {
    const eq = a.indexOf('=');
    if (eq < 0) throw new KubectlError(`annotation ${a} is invalid and should be in format key=[value]`);
    annotations.set(a.slice(0, eq), a.slice(eq + 1));
  }
  if (o.defaultBackend !== '' && o.defaultBackend.split(':').length !== 2) throw new KubectlError('default-backend should be in format servicename:serviceport');

  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const tlsHosts = new Set<string>();
  for (const rule of o.rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = parts[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    if (tlsHosts.has(host)) continue;
    const same = tls.findIndex((t) => (t.secretName ?? '') === secret);
    tlsHosts.add(host);
    if (same >= 0) {
      tls[same].hosts = [...(tls[same].hosts ?? []), host];
      continue;
    }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host !== '') entry.hosts = [host];
    if (secret !== '') entry.secretName = secret;
    if (entry.hosts || entry.secretName) tls.push(entry);
  }
  const rules: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of o.rules) {
    const withoutTls = rule.split(',')[0];
    const slash = withoutTls.indexOf('/');
    const host = withoutTls.slice(0, slash);
    const [rawPath, service] = withoutTls.slice(slash + 1).split('=');
    let path = '/' + rawPath;
    let pathType = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const entry = { path, pathType, backend: backend(service) };
    const existing = rules.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(entry);
    else rules.push({ ...(host !== '' ? { host } : {}), http: { paths: [entry] } });
  }
  const spec: Record<string, unknown> = {};
  if (o.className) spec.ingressClassName = o.className;
  if (o.defaultBackend) spec.defaultBackend = backend(o.defaultBackend);
  if (tls.length > 0) spec.tls = tls;
  if (rules.length > 0) spec.rules = rules;
  const sortedAnnotations = Object.fromEntries([...annotations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: {
      name: o.name,
      ...(o.namespace ? { namespace: o.namespace } : {}),
      creationTimestamp: null as unknown as string,
      ...(annotations.size > 0 ? { annotations: sortedAnnotations } : {}),
    },
    spec,
    status: { loadBalancer: {} },
  };
}

function run(inv: Invocation): void {
  const obj = generateIngress({
    name: nameArgument(inv),
    className: inv.flags.string('class'),
    rules: inv.flags.list('rule'),
    defaultBackend: inv.flags.string('default-backend'),
    annotations: inv.flags.list('annotation'),
    namespace: generatorNamespace(inv),
  });
  try {
    createGenerated(inv, obj);
  } catch (e) {
    // Run wraps the client error with fmt.Errorf, so kubectl prints it as a plain error.
    if (e instanceof ApiError) throw new KubectlError(`failed to create ingress: ${e.message}`);
    throw e;
  }
}

export const createIngressCommand: CommandSpec = {
  name: 'ingress',
  aliases: ['ing'],
  flags: [...createSubcommandFlags(), strArray('annotation'), str('class'), str('default-backend'), strArray('rule')],
  run,
};
