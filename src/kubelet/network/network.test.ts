import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../../api/core.ts';
import { KIND_DNS_SETTINGS, podResolverConfig, renderResolvConf } from './dns-config.ts';
import { hostNetworkHostsFile, managedHostsFile, podHostnameAndDomain } from './hosts-file.ts';

function pod(spec: Partial<Pod['spec']> = {}, namespace = 'default', name = 'kubia-3inly'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name }, spec: { containers: [{ name: 'c', image: 'x' }], ...spec } };
}

describe('resolv.conf (dns.go GetPodDNS, containerd parseDNSOptions)', () => {
  const table: [string, Pod, string][] = [
    // FIDELITY §6 and seed 001 `cat /etc/resolv.conf`.
    ['ClusterFirst', pod(), 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'],
    ['ClusterFirst in another namespace', pod({}, 'team'), 'search team.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'],
    ['Default: the node file', pod({ dnsPolicy: 'Default' }), 'nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n'],
    ['ClusterFirst with hostNetwork falls back to Default', pod({ hostNetwork: true }), 'nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n'],
    ['ClusterFirstWithHostNet', pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }), 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'],
    [
      'None with dnsConfig',
      pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }),
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.2.3.4\noptions ndots:2 edns0\n',
    ],
    ['ClusterFirst plus dnsConfig options overwrite ndots', pod({ dnsConfig: { options: [{ name: 'ndots', value: '1' }] } }), 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:1\n'],
  ];
  for (const [title, p, expected] of table) {
    it(title, () => {
      expect(renderResolvConf(podResolverConfig(p, KIND_DNS_SETTINGS))).to.equal(expected);
    });
  }

  it('appends the host search domains after the cluster ones', () => {
    const settings = { ...KIND_DNS_SETTINGS, hostResolvConf: { nameservers: ['8.8.8.8'], searches: ['c.project.internal', 'google.internal'], options: [] } };
    expect(renderResolvConf(podResolverConfig(pod(), settings)).split('\n')[0]).to.equal(
      'search default.svc.cluster.local svc.cluster.local cluster.local c.project.internal google.internal',
    );
  });
});

describe('/etc/hosts (kubelet_pods.go managedHostsFileContent)', () => {
  it('writes the localhost block and the pod line', () => {
    expect(managedHostsFile(['10.244.1.5'], 'kubia-3inly', '')).to.equal(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.1.5\tkubia-3inly\n',
    );
  });

  it('writes the FQDN for a subdomain and HostAliases', () => {
    const p = pod({ hostname: 'web-0', subdomain: 'web' });
    const { hostname, domain } = podHostnameAndDomain(p, 'cluster.local');
    const file = managedHostsFile(['10.244.2.3'], hostname, domain, [{ ip: '127.0.0.1', hostnames: ['foo.local', 'bar.local'] }]);
    expect(file.split('\n').slice(7)).to.deep.equal([
      '10.244.2.3\tweb-0.web.default.svc.cluster.local\tweb-0',
      '',
      '# Entries added by HostAliases.',
      '127.0.0.1\tfoo.local\tbar.local',
      '',
    ]);
  });

  it('keeps the node file for hostNetwork pods', () => {
    expect(hostNetworkHostsFile('127.0.0.1\tlocalhost\n')).to.equal('# Kubernetes-managed hosts file (host network).\n127.0.0.1\tlocalhost\n');
  });

  it('cuts hostnames to 63 characters without a trailing dash', () => {
    const long = `${'a'.repeat(62)}-bcd`;
    expect(podHostnameAndDomain(pod({}, 'default', long), 'cluster.local').hostname).to.equal('a'.repeat(62));
  });
});
