import { describe, it } from 'node:test';
import { expect } from 'chai';
import { masqueradeRules } from './masquerade.ts';

describe('masqueradeRules', () => {
  it("are a kind node's KIND-MASQ-AGENT rules for the cluster's pod subnet (src/kubeproxy/iptables/testdata/kind-node.iptables-save.txt)", () => {
    expect(masqueradeRules(['10.244.0.0/16'])).to.equal(
      [
        '*nat',
        ':KIND-MASQ-AGENT - [0:0]',
        '-A POSTROUTING -m addrtype ! --dst-type LOCAL -m comment --comment "kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain" -j KIND-MASQ-AGENT',
        '-A KIND-MASQ-AGENT -d 10.244.0.0/16 -m comment --comment "kind-masq-agent: local traffic is not subject to MASQUERADE" -j RETURN',
        '-A KIND-MASQ-AGENT -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE',
        'COMMIT',
        '',
      ].join('\n'),
    );
  });
});
