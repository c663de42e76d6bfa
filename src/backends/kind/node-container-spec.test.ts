import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readKindOptions, resolveAddons } from './cluster-options.ts';
import { NODE_READY_LOG, nodeContainerSpec } from './node-container-spec.ts';

const options = (flags = {}, tags: string[] = []) => resolveAddons(readKindOptions(flags, {}), new Set(tags));
const context = { creator: 'host:42', hostHasModules: true };

// The facts are kind's `docker run` arguments: pkg/cluster/internal/providers/docker/provision.go
// (commonArgs, runArgsForNode, generatePortMappings) and constants.go.
describe('a kind node container', () => {
  it('is the control plane as kind runs it', () => {
    const spec = nodeContainerSpec(options(), { name: 'kind-control-plane', role: 'control-plane' }, context);
    expect(spec).to.deep.include({
      name: 'kind-control-plane',
      hostname: 'kind-control-plane', // --hostname NAME
      network: 'kind', // --net kind
      privileges: { kind: 'privileged' }, // --privileged
      securityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
      tmpfs: { '/tmp': '', '/run': '' }, // --tmpfs /tmp --tmpfs /run
      volumes: ['/var'], // --volume /var
      binds: ['/lib/modules:/lib/modules:ro'],
      env: { KUBECONFIG: '/etc/kubernetes/admin.conf' },
      tty: true, // --tty
      init: false, // --init=false
      cgroupns: 'private', // --cgroupns=private
      restart: { name: 'on-failure', maximumRetryCount: 1 }, // --restart=on-failure:1
    });
    // --publish=127.0.0.1:RANDOM:6443/TCP: the API server on a free port of the host's loopback.
    expect(spec.publish).to.deep.equal([{ hostIp: '127.0.0.1', hostPort: 0, containerPort: 6443, protocol: 'tcp' }]);
    expect(spec.image).to.equal(options().nodeImage);
  });

  it('carries kind\'s labels and ours', () => {
    const spec = nodeContainerSpec(options(), { name: 'kind-worker', role: 'worker' }, context);
    expect(spec.labels).to.include({ 'io.x-k8s.kind.cluster': 'kind', 'io.x-k8s.kind.role': 'worker', 'app.kubernetes.io/managed-by': 'kube-scenarios', 'dev.kube-scenarios.creator': 'host:42' });
    expect(JSON.parse(spec.labels['dev.kube-scenarios.kind-options'])).to.include({ workers: 2, kubeProxyMode: 'iptables', privileges: 'privileged', ingressNginx: false });
  });

  it('is a worker without published ports or a KUBECONFIG', () => {
    const spec = nodeContainerSpec(options(), { name: 'kind-worker', role: 'worker' }, context);
    expect([spec.publish, spec.env]).to.deep.equal([[], {}]);
  });

  it('publishes ports 80 and 443 on the host\'s loopback for ingress-nginx (kind\'s ingress guide)', () => {
    const spec = nodeContainerSpec(options({}, ['ingress']), { name: 'kind-control-plane', role: 'control-plane' }, context);
    expect(spec.publish.map((p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}`)).to.deep.equal(['127.0.0.1:0->6443', '127.0.0.1:80->80', '127.0.0.1:443->443']);
  });

  it('takes explicit capabilities where the engine refuses privileged containers', () => {
    const spec = nodeContainerSpec(options({ 'node-capabilities': 'ALL,-SYS_RESOURCE' }), { name: 'kind-worker', role: 'worker' }, context);
    expect(spec.privileges).to.deep.equal({ kind: 'capabilities', add: ['ALL'], drop: ['SYS_RESOURCE'] });
  });

  it('shares /lib/modules only when the host has it', () => {
    expect(nodeContainerSpec(options(), { name: 'kind-worker', role: 'worker' }, { ...context, hostHasModules: false }).binds).to.deep.equal([]);
  });

  it('is ready for exec when systemd reaches the multi-user target (providers/common/cgroups.go)', () => {
    // A line of systemd's console output on a node, colours included.
    expect(NODE_READY_LOG.test('[\u001b[0;32m  OK  \u001b[0m] Reached target \u001b[0;1;39mmulti-user.target\u001b[0m - Multi-User System.')).to.equal(true);
    expect(NODE_READY_LOG.test('INFO: detected cgroup v1')).to.equal(true);
    expect(NODE_READY_LOG.test('[  OK  ] Reached target sockets.target - Socket Units.')).to.equal(false);
  });
});
