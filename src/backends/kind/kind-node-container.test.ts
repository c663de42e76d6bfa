import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readKindOptions, resolveAddons } from './cluster-options.ts';
import { KindNodeContainer } from './kind-node-container.ts';
import { nodeContainerSpec } from './node-container-spec.ts';

/** Reads what the container would send to the engine's create call. */
class Inspectable extends KindNodeContainer {
  get create() {
    return this.createOpts;
  }
  get host() {
    return this.hostConfig as Record<string, unknown>;
  }
  /** testcontainers moves it into the host config when it starts the container. */
  get network() {
    return this.networkMode;
  }
}

const spec = (flags = {}, tags: string[] = []) =>
  nodeContainerSpec(resolveAddons(readKindOptions(flags, {}), new Set(tags)), { name: 'kind-control-plane', role: 'control-plane' }, { creator: 'h:1', hostHasModules: true });

describe('the node container\'s create request', () => {
  it('sets what testcontainers has no builder for, as docker run would', () => {
    const c = new Inspectable(spec({}, ['ingress']), 60);
    expect(c.host).to.deep.include({
      CgroupnsMode: 'private',
      Init: false,
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 1 },
      Privileged: true,
      SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
      Tmpfs: { '/tmp': '', '/run': '' },
      Binds: ['/lib/modules:/lib/modules:ro'],
      PortBindings: {
        '6443/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
        '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '80' }],
        '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '443' }],
      },
    });
    expect(c.create).to.deep.include({ name: 'kind-control-plane', Hostname: 'kind-control-plane', Tty: true, Volumes: { '/var': {} }, Env: ['KUBECONFIG=/etc/kubernetes/admin.conf'] });
    expect(c.network).to.equal('kind');
    expect(c.create.ExposedPorts).to.deep.equal({ '6443/tcp': {}, '80/tcp': {}, '443/tcp': {} });
    expect(c.create.Labels).to.include({ 'io.x-k8s.kind.cluster': 'kind', 'io.x-k8s.kind.role': 'control-plane' });
  });

  it('adds and drops capabilities instead of running privileged', () => {
    const c = new Inspectable(spec({ 'node-capabilities': 'ALL,-SYS_RESOURCE' }), 60);
    expect(c.host).to.deep.include({ CapAdd: ['ALL'], CapDrop: ['SYS_RESOURCE'] });
    expect(c.host.Privileged).to.not.equal(true);
  });
});
