import { describe, it } from 'node:test';
import { expect } from 'chai';
import { nodeResolvConf, upstreamCorefile } from './upstream-dns.ts';

describe('nodeResolvConf', () => {
  it("puts the gateway in place of the machine's nameservers, as kind's entrypoint does with docker's", () => {
    expect(nodeResolvConf('nameserver 10.255.255.53\n')).to.equal('nameserver 172.18.0.1\n');
  });

  it('keeps the search and options lines', () => {
    expect(nodeResolvConf('# generated\nsearch corp.example\nnameserver 127.0.0.53\nnameserver 10.0.0.2\noptions edns0 trust-ad\n')).to.equal(
      'nameserver 172.18.0.1\n# generated\nsearch corp.example\noptions edns0 trust-ad\n',
    );
  });
});

describe('upstreamCorefile', () => {
  it("listens on the bridge's gateway only and forwards to the machine's resolvers", () => {
    const corefile = upstreamCorefile();
    expect(corefile).to.contain('bind 172.18.0.1\n').and.to.contain('forward . /etc/resolv.conf\n');
    expect(corefile).to.not.contain('kubernetes');
  });
});
