/**
 * extensions/v1beta1 and networking.k8s.io/v1beta1 Ingress converted to the
 * networking.k8s.io/v1 shape the server stores (pkg/apis/networking/v1beta1
 * and pkg/apis/extensions/v1beta1 conversion.go and defaults.go, Kubernetes
 * 1.19-1.21): `backend` becomes `defaultBackend`, `serviceName`/`servicePort`
 * become `service.name` and `service.port.number|name`, and a path without
 * pathType gets ImplementationSpecific (SetDefaults_HTTPIngressPath).
 */
import type { KubeObject } from '../../api/meta.ts';
import type { Ingress, IngressBackend } from '../../api/networking.ts';

interface BetaBackend {
  serviceName?: string;
  servicePort?: number | string;
  resource?: IngressBackend['resource'];
}

function convertBackend(beta: BetaBackend | undefined): IngressBackend | undefined {
  if (!beta) return undefined;
  if (beta.resource) return { resource: beta.resource };
  const port = typeof beta.servicePort === 'string' ? { name: beta.servicePort } : { number: beta.servicePort ?? 0 };
  return { service: { name: beta.serviceName ?? '', port } };
}

/** Converts in place and returns the object with apiVersion networking.k8s.io/v1. */
export function convertIngressToV1(obj: KubeObject): Ingress {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  const out = { ...obj, apiVersion: 'networking.k8s.io/v1' } as Ingress;
  const converted: Ingress['spec'] = {};
  if (spec.ingressClassName !== undefined) converted.ingressClassName = spec.ingressClassName as string;
  const defaultBackend = convertBackend(spec.backend as BetaBackend | undefined);
  if (defaultBackend) converted.defaultBackend = defaultBackend;
  if (spec.tls !== undefined) converted.tls = spec.tls as Ingress['spec']['tls'];
  if (spec.rules !== undefined) {
    converted.rules = (spec.rules as { host?: string; http?: { paths?: Record<string, unknown>[] } }[]).map((rule) => {
      const r: NonNullable<Ingress['spec']['rules']>[number] = {};
      if (rule.host !== undefined) r.host = rule.host;
      if (rule.http) {
        r.http = {
          paths: (rule.http.paths ?? []).map((p) => ({
            ...(p.path !== undefined ? { path: p.path as string } : {}),
            pathType: (p.pathType as 'Exact' | 'Prefix' | 'ImplementationSpecific' | undefined) ?? 'ImplementationSpecific',
            backend: convertBackend(p.backend as BetaBackend | undefined) ?? {},
          })),
        };
      }
      return r;
    });
  }
  out.spec = converted;
  return out;
}
