/**
 * The node's CNI network, as kind's kindnetd writes it
 * (kubernetes-sigs/kind images/kindnetd/cmd/kindnetd/cni.go): the ptp plugin
 * (one veth per pod, routed by the node, no bridge) with host-local IPAM over
 * the node's pod CIDR, then portmap for hostPort. Being routed, a Service
 * packet from a pod always crosses the node's iptables, so kube-proxy's rules
 * apply to same-node backends without br_netfilter.
 */

/** The network's name: kind's, so `kubectl describe pod` events read alike. */
export const CNI_NETWORK = 'kindnet';

/** Renders the conflist for a node's pod CIDR; `ipamDir` keeps host-local's allocations. */
export function cniConflist(podCidr: string, ipamDir: string): string {
  return `${JSON.stringify(
    {
      cniVersion: '0.3.1',
      name: CNI_NETWORK,
      plugins: [
        {
          type: 'ptp',
          ipMasq: false,
          ipam: { type: 'host-local', dataDir: ipamDir, routes: [{ dst: '0.0.0.0/0' }], ranges: [[{ subnet: podCidr }]] },
          mtu: 1500,
        },
        { type: 'portmap', capabilities: { portMappings: true } },
      ],
    },
    null,
    2,
  )}\n`;
}
