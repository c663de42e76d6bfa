import { describe, it } from 'node:test';
import { expect } from 'chai';
import { cniConflist } from './cni-config.ts';

describe('cniConflist', () => {
  it("is kindnetd's network: ptp with host-local over the node's pod CIDR, then portmap (kind images/kindnetd/cmd/kindnetd/cni.go)", () => {
    expect(JSON.parse(cniConflist('10.244.1.0/24', '/state/ipam'))).to.deep.equal({
      cniVersion: '0.3.1',
      name: 'kindnet',
      plugins: [
        {
          type: 'ptp',
          ipMasq: false,
          ipam: { type: 'host-local', dataDir: '/state/ipam', routes: [{ dst: '0.0.0.0/0' }], ranges: [[{ subnet: '10.244.1.0/24' }]] },
          mtu: 1500,
        },
        { type: 'portmap', capabilities: { portMappings: true } },
      ],
    });
  });
});
