/**
 * `ip addr show kube-ipvs0` (iproute2): the dummy device kube-proxy's IPVS
 * mode creates (state DOWN, NOARP) with every service address as a /32.
 */
export interface DummyDevice {
  index: number;
  /** "aa:bb:cc:dd:ee:ff"; the kernel gives a dummy device a random address. */
  mac: string;
  addresses: string[];
}

export function formatDummyDevice(device: DummyDevice): string {
  const lines = [
    `${device.index}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default `,
    `    link/ether ${device.mac} brd ff:ff:ff:ff:ff:ff`,
  ];
  for (const address of device.addresses) {
    lines.push(`    inet ${address}/32 scope global kube-ipvs0`, '       valid_lft forever preferred_lft forever');
  }
  return lines.join('\n') + '\n';
}
