/**
 * Where the addons come from, and the MetalLB address pool. The versions are
 * the ones the memory backend imitates, so a transcript matches on both.
 */
import { SettingsError } from '../../backend/run-settings.ts';

/** ingress-nginx's manifest for kind (hostPort 80/443, nodeSelector ingress-ready=true), the version of src/ingress/install-ingress-nginx.ts. */
export const INGRESS_NGINX_MANIFEST = 'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.11.2/deploy/static/provider/kind/deploy.yaml';

/** MetalLB's manifest without FRR (metallb/metallb config/manifests). */
export const METALLB_MANIFEST = 'https://raw.githubusercontent.com/metallb/metallb/v0.14.9/config/manifests/metallb-native.yaml';

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/**
 * The addresses MetalLB hands out: 51 at the top of the kind network, below
 * its broadcast address — 172.18.255.200-172.18.255.250 for 172.18.0.0/16, the
 * range kind's LoadBalancer guide used and the memory backend hands out.
 */
export function metallbAddressRange(subnet: string): string {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(subnet);
  if (!m || Number(m[2]) > 24) throw new SettingsError(`the kind network's subnet "${subnet}" is not an IPv4 network of /24 or larger: MetalLB needs addresses in it`);
  const size = 2 ** (32 - Number(m[2]));
  const broadcast = ipToInt(m[1]) - (ipToInt(m[1]) % size) + size - 1;
  return `${intToIp(broadcast - 55)}-${intToIp(broadcast - 5)}`;
}

/** The IPAddressPool and L2Advertisement of MetalLB's layer-2 mode (metallb.io/v1beta1). */
export function metallbPoolManifest(range: string): string {
  return `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: kind
  namespace: metallb-system
spec:
  addresses:
  - ${range}
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: kind
  namespace: metallb-system
spec:
  ipAddressPools:
  - kind
`;
}
