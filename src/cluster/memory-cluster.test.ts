import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MemoryBackend } from '../backends/memory/memory-backend.ts';
import { readRunSettings } from '../backend/run-settings.ts';

/** A pod's /etc/resolv.conf on a cluster with the given service range. */
async function podResolvConf(serviceCIDR: string | undefined): Promise<string> {
  const backend = new MemoryBackend(readRunSettings({}, {}, () => 'memory-cluster-test'));
  await backend.startScenario({ id: 't', name: 't', tags: [], seed: 'memory-cluster-test' });
  if (serviceCIDR) await backend.configure({ serviceCIDR });
  await backend.run('kubectl run probe --image=busybox -- sleep 3600');
  await backend.run('kubectl wait --for=condition=Ready pod/probe --timeout=120s');
  const result = await backend.run('kubectl exec probe -- cat /etc/resolv.conf');
  await backend.endScenario();
  return result.stdout;
}

describe('MemoryCluster kubelet DNS settings', () => {
  // kubeadm points the kubelet's clusterDNS at the 10th address of the service range, where it
  // also puts kube-dns (cmd/kubeadm/app/constants/constants.go GetDNSIP; FIDELITY §2, §6).
  const cases: { serviceCIDR: string | undefined; resolvConf: string }[] = [
    { serviceCIDR: undefined, resolvConf: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' },
    // Seed 000's cluster: kube-dns at 10.0.0.10, which its nslookup names as the server.
    { serviceCIDR: '10.0.0.0/16', resolvConf: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.0.0.10\noptions ndots:5\n' },
  ];
  for (const { serviceCIDR, resolvConf } of cases) {
    it(`pods ask kube-dns's address with the service range ${serviceCIDR ?? 'of kind'}`, async () => {
      expect(await podResolvConf(serviceCIDR)).to.equal(resolvConf);
    });
  }
});
