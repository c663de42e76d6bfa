/**
 * A container's root file system: the image's files, a placeholder for each
 * of its programs in its bin directory, the kubelet-managed /etc/hosts,
 * /etc/hostname and /etc/resolv.conf, and the pod's volumes mounted where the
 * container asks (Secret, ConfigMap and projected volumes read-only and
 * refreshed in place, emptyDir shared with the pod's other containers). A
 * subPath mount is a copy taken at start: the kubelet never updates it.
 */
import type { ImageSpec } from '../../images/image-spec.ts';
import { MemoryFileSystem, type MountSource } from '../../shell/memory-fs.ts';

export interface ContainerMount {
  mountPath: string;
  source: MountSource;
  readOnly: boolean;
}

export interface ContainerFileSystemInput {
  image: ImageSpec;
  hostsFile: string;
  resolvConf: string;
  hostname: string;
  /** Home of the process user, created empty. */
  home: string;
  workingDir?: string;
  mounts: ContainerMount[];
  /** subPath mounts: files copied in at start. */
  copies: { path: string; content: string }[];
}

export function buildContainerFileSystem(input: ContainerFileSystemInput): MemoryFileSystem {
  const fs = new MemoryFileSystem(input.image.files);
  const binDir = input.image.binDir ?? '/usr/bin';
  for (const tool of input.image.tools) {
    const path = `${binDir}/${tool}`;
    if (fs.readFile(path) === undefined && !fs.isDirectory(path)) fs.put(path, '');
  }
  for (const dir of ['/tmp', '/var', '/root', '/etc', '/proc', '/dev', input.home, input.workingDir ?? '/']) {
    if (!fs.isDirectory(dir)) fs.mkdir(dir, { recursive: true });
  }
  fs.put('/etc/hosts', input.hostsFile);
  fs.put('/etc/resolv.conf', input.resolvConf);
  fs.put('/etc/hostname', `${input.hostname}\n`);
  for (const mount of input.mounts) fs.mount(mount.mountPath, mount.source, { readOnly: mount.readOnly });
  for (const copy of input.copies) fs.put(copy.path, copy.content);
  return fs;
}
