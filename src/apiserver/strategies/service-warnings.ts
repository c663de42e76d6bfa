/**
 * GetWarningsForService (pkg/api/service/warnings.go, 1.31): the `Warning:`
 * lines a Service write returns for settings that have no effect.
 */
import type { Service } from '../../api/core.ts';

export function serviceWarnings(svc: Service): string[] {
  const warnings: string[] = [];
  const spec = svc.spec;
  const headless = spec.type === 'ClusterIP' && spec.clusterIP === 'None';
  if (headless) {
    if (spec.loadBalancerIP) warnings.push('spec.loadBalancerIP is ignored for headless services');
    if ((spec.externalIPs ?? []).length > 0) warnings.push('spec.externalIPs is ignored for headless services');
    if (spec.sessionAffinity !== 'None') warnings.push('spec.SessionAffinity is ignored for headless services');
  }
  if (spec.type === 'ExternalName' && (spec.externalIPs ?? []).length > 0) warnings.push('spec.externalIPs is ignored when spec.type is "ExternalName"');
  if (spec.type !== 'ExternalName' && spec.externalName) warnings.push('spec.externalName is ignored when spec.type is not "ExternalName"');
  return warnings;
}
