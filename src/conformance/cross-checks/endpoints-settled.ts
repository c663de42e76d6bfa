/** Whether a cluster's EndpointSlices show every fixture Service with all its endpoints ready. */
import type { ClusterObjects } from './cluster-objects.ts';
import { sliceServiceName } from './cluster-objects.ts';
import type { Fixture } from './fixture.ts';

/** The Services still short of ready endpoints, as `name (ready/expected)`; empty when settled. */
export function unsettledServices(objects: ClusterObjects, fixture: Fixture): string[] {
  const ready = new Map<string, number>();
  for (const slice of objects.endpointSlices) {
    const svc = sliceServiceName(slice);
    if (slice.metadata.namespace !== fixture.namespace || !svc) continue;
    // A nil ready condition means "unknown", which consumers treat as ready (discovery/v1 types.go).
    const n = (slice.endpoints ?? []).filter((e) => e.conditions?.ready !== false).length;
    ready.set(svc, (ready.get(svc) ?? 0) + n);
  }
  return fixture.services
    .filter((s) => s.readyEndpoints > 0 && (ready.get(s.name) ?? 0) !== s.readyEndpoints)
    .map((s) => `${s.name} (${ready.get(s.name) ?? 0}/${s.readyEndpoints})`);
}
