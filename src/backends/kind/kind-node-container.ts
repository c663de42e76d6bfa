/**
 * A testcontainers GenericContainer that creates a node container from a
 * NodeContainerSpec. testcontainers has builders for most of it; what it lacks
 * (private cgroup namespace, no init process, the restart policy, an anonymous
 * volume, ports published on one host address, a tty) is set on the create
 * options directly, as testcontainers' own k3s module sets CgroupnsMode.
 */
import type { HostConfig } from 'dockerode';
import { GenericContainer, Wait } from 'testcontainers';
import { NODE_READY_LOG, type NodeContainerSpec } from './node-container-spec.ts';

export class KindNodeContainer extends GenericContainer {
  constructor(spec: NodeContainerSpec, startupTimeoutSeconds: number) {
    super(spec.image);
    this.withName(spec.name)
      .withHostname(spec.hostname)
      .withLabels(spec.labels)
      .withNetworkMode(spec.network)
      .withSecurityOpt(...spec.securityOpt)
      .withTmpFs(spec.tmpfs)
      .withEnvironment(spec.env)
      .withBindMounts(spec.binds.map((b) => {
        const [source, target, mode] = b.split(':');
        return { source, target, mode: mode === 'ro' ? 'ro' : 'rw' };
      }))
      .withWaitStrategy(Wait.forLogMessage(NODE_READY_LOG))
      .withStartupTimeout(startupTimeoutSeconds * 1000)
      // The cluster outlives this process when it is kept: no reaper container may remove it.
      .withAutoCleanup(false);
    if (spec.privileges.kind === 'privileged') this.withPrivilegedMode();
    else {
      this.withAddedCapabilities(...spec.privileges.add);
      if (spec.privileges.drop.length > 0) this.withDroppedCapabilities(...spec.privileges.drop);
    }
    this.createOpts.Tty = spec.tty;
    this.createOpts.Volumes = Object.fromEntries(spec.volumes.map((v) => [v, {}]));
    this.createOpts.ExposedPorts = Object.fromEntries(spec.publish.map((p) => [`${p.containerPort}/${p.protocol}`, {}]));
    const host = this.hostConfig as HostConfig & { CgroupnsMode?: string };
    host.CgroupnsMode = spec.cgroupns;
    host.Init = spec.init;
    host.RestartPolicy = { Name: spec.restart.name, MaximumRetryCount: spec.restart.maximumRetryCount };
    host.PortBindings = Object.fromEntries(
      spec.publish.map((p) => [`${p.containerPort}/${p.protocol}`, [{ HostIp: p.hostIp, HostPort: p.hostPort === 0 ? '' : String(p.hostPort) }]]),
    );
  }
}
