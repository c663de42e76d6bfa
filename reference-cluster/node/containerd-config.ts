/**
 * The node's own containerd configuration (config version 2, containerd 1.6
 * as Debian bookworm ships it). Keys are those `containerd config default`
 * prints for that release; the values that differ from the defaults are the
 * ones a node of ours needs:
 * - root, state and socket under the node's state directory, so it never
 *   meets the machine's containerd;
 * - `restrict_oom_score_adj`: this machine lacks CAP_SYS_RESOURCE, so no
 *   process may lower its OOM score; the kubelet asks -998 for sandboxes, and
 *   containerd clamps that to its own score instead of runc failing;
 * - `netns_mounts_under_state_dir`: pod network namespaces are bind-mounted
 *   under the state directory, not in the machine's /run/netns;
 * - runc's state under the node's state directory too (the default is the
 *   machine's /run/containerd/runc; only the shims' sockets stay in
 *   /run/containerd/s, a path containerd 1.6 does not let one configure);
 * - the CNI configuration of this node and Debian's plugins in /usr/lib/cni;
 * - the sandbox image kind v0.24 uses (registry.k8s.io/pause:3.10).
 */
import type { NodePaths } from './node-paths.ts';

export const CNI_BIN_DIR = '/usr/lib/cni';
export const RUNC = '/usr/sbin/runc';

/** Renders config.toml for a node. */
export function containerdConfig(paths: NodePaths, sandboxImage: string): string {
  const q = (s: string) => JSON.stringify(s);
  return `# containerd of one reference-cluster node (written by reference-cluster/node/containerd-config.ts)
version = 2
root = ${q(paths.containerdRoot)}
state = ${q(paths.containerdState)}
oom_score = 0
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.zfs"]

[grpc]
  address = ${q(paths.containerdSocket)}

[ttrpc]
  address = ${q(`${paths.containerdSocket}.ttrpc`)}

[debug]
  level = "info"

[plugins]
  [plugins."io.containerd.grpc.v1.cri"]
    sandbox_image = ${q(sandboxImage)}
    restrict_oom_score_adj = true
    netns_mounts_under_state_dir = true
    stream_server_address = "127.0.0.1"
    stream_server_port = "0"
    disable_apparmor = true
    enable_unprivileged_ports = false
    [plugins."io.containerd.grpc.v1.cri".containerd]
      snapshotter = "overlayfs"
      default_runtime_name = "runc"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
        runtime_type = "io.containerd.runc.v2"
        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
          BinaryName = ${q(RUNC)}
          Root = ${q(`${paths.containerdState}/runc`)}
          SystemdCgroup = false
    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = ${q(CNI_BIN_DIR)}
      conf_dir = ${q(paths.cniConfDir)}
      max_conf_num = 1
    [plugins."io.containerd.grpc.v1.cri".registry]
      config_path = ${q(paths.registryHostsDir)}
  [plugins."io.containerd.internal.v1.opt"]
    path = ${q(`${paths.containerdDir}/opt`)}
`;
}
