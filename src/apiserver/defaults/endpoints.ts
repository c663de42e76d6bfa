/**
 * Endpoints and EndpointSlice port defaults: SetDefaults_Endpoints
 * (pkg/apis/core/v1/defaults.go) and SetDefaults_EndpointPort
 * (pkg/apis/discovery/v1/defaults.go): protocol TCP, an EndpointSlice port name "".
 */
import type { Endpoints } from '../../api/core.ts';
import type { EndpointSlice } from '../../api/discovery.ts';

export function defaultEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) p.protocol ||= 'TCP';
}

export function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const p of slice.ports ?? []) {
    p.name ??= '';
    p.protocol ||= 'TCP';
  }
}
