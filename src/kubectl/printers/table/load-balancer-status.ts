/**
 * loadBalancerStatusStringer / ingressLoadBalancerStatusStringer (pkg/printers/internalversion/printers.go):
 * the IPs, else hostnames, of a load balancer status, sorted and de-duplicated, joined by commas.
 * The server builds tables with wide output, so the 16-character clipping never applies to `kubectl get`.
 */
import { compareStrings } from '../label-format.ts';

export function loadBalancerStatusString(ingress: { ip?: string; hostname?: string }[]): string {
  const result = new Set<string>();
  for (const entry of ingress) {
    if (entry.ip) result.add(entry.ip);
    else if (entry.hostname) result.add(entry.hostname);
  }
  return [...result].sort(compareStrings).join(',');
}
