/**
 * Loads the pod images into a node's containerd, in the namespace the CRI
 * plugin uses (k8s.io), as kind's `kind load` does: the OCI layout is streamed
 * as a tar into `ctr images import`, which names each image from its
 * `io.containerd.image.name` annotation and unpacks it into the overlayfs
 * snapshotter the kubelet's containers start from.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { runCommand } from '../node/run-command.ts';

/** The containerd namespace of the CRI plugin (containerd pkg/cri/constants: k8sContainerdNamespace). */
export const CRI_NAMESPACE = 'k8s.io';

/** Imports every image of the layout into the containerd at `socket`; returns the names containerd now lists. */
export async function importImages(layoutDir: string, socket: string): Promise<string[]> {
  const tar = spawn('tar', ['--create', '--directory', layoutDir, '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ctr = spawn('ctr', ['--address', socket, '--namespace', CRI_NAMESPACE, 'images', 'import', '--all-platforms', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
  tar.stdout.pipe(ctr.stdin);
  let errors = '';
  tar.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  ctr.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  ctr.stdout.resume();
  const [[tarCode], [ctrCode]] = await Promise.all([once(tar, 'close'), once(ctr, 'close')]);
  if (tarCode !== 0 || ctrCode !== 0) throw new Error(`import images from ${layoutDir}: tar exit ${tarCode}, ctr exit ${ctrCode}: ${errors.trim()}`);
  const listed = await runCommand('ctr', ['--address', socket, '--namespace', CRI_NAMESPACE, 'images', 'list', '--quiet']);
  return listed.stdout.split('\n').filter(Boolean);
}
