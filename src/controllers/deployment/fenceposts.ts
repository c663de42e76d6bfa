/**
 * maxSurge and maxUnavailable of a Deployment (pkg/controller/deployment/util/deployment_util.go
 * ResolveFenceposts, MaxSurge, MaxUnavailable; intstr.GetScaledValueFromIntOrPercent):
 * percentages of spec.replicas, surge rounded up and unavailable rounded down; both zero is
 * not allowed, so unavailable becomes 1. Defaults 25% / 25% (pkg/apis/apps/v1/defaults.go).
 */
import type { Deployment } from '../../api/apps.ts';

export function desiredReplicas(d: Deployment): number {
  return d.spec.replicas ?? 1;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

function scaled(value: number | string | undefined, fallback: string, total: number, roundUp: boolean): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number.parseInt(v, 10) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** ResolveFenceposts: [maxSurge, maxUnavailable] as replica counts. */
export function resolveFenceposts(d: Deployment): [number, number] {
  const ru = d.spec.strategy?.rollingUpdate;
  const total = desiredReplicas(d);
  const surge = scaled(ru?.maxSurge, '25%', total, true);
  let unavailable = scaled(ru?.maxUnavailable, '25%', total, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d)[0] : 0;
}

export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || desiredReplicas(d) === 0) return 0;
  return Math.min(resolveFenceposts(d)[1], desiredReplicas(d));
}
