/**
 * An in-memory file system: the scenario's work directory, a container's root,
 * a node's root. A tree of directories keyed by name, so lookups cost one map
 * access per path component and listings come straight from a directory.
 *
 * /dev/null is always there, without being an entry of the tree (a file
 * system mounted as an emptyDir must not show a `dev` directory): reads find
 * it empty, writes vanish, and it is listed where a /dev directory exists.
 *
 * Mounts overlay a directory: a Secret or ConfigMap volume is a function that
 * returns the volume's files at the moment of the read (the kubelet rewrites
 * them when the object changes, so readers see updates), and is read-only as
 * the kubelet mounts it; an emptyDir shared by the containers of a pod is
 * another FileSystem mounted in each of them.
 */
import { FileSystemError, type FileSystem } from './types.ts';

interface FileNode {
  kind: 'file';
  content: string;
}

interface DirectoryNode {
  kind: 'dir';
  children: Map<string, FileNode | DirectoryNode>;
}

type Node = FileNode | DirectoryNode;

/** Files of a volume by path relative to the mount point (`key`, or `dir/key` for items with a path). */
export type VolumeFiles = () => Readonly<Record<string, string>>;

/** What a directory can be overlaid with. */
export type MountSource = FileSystem | VolumeFiles;

interface Mount {
  path: string;
  source: MountSource;
  readOnly: boolean;
}

export class MemoryFileSystem implements FileSystem {
  private readonly root: DirectoryNode = { kind: 'dir', children: new Map() };
  /** Longest path first, so the innermost mount wins. */
  private mounts: Mount[] = [];

  /** `files`: absolute path to content; their parent directories are created. */
  constructor(files?: Readonly<Record<string, string>>) {
    if (files) for (const [path, content] of Object.entries(files)) this.put(path, content);
  }

  /** Seeds a file, creating its parent directories: for setting a place up, not for programs. */
  put(path: string, content: string): void {
    const normal = this.resolve('/', path);
    const parent = this.makeDirectories(parentOf(normal));
    parent.children.set(baseName(normal), { kind: 'file', content });
  }

  /**
   * Overlays the directory `path` with `source`. A function source is always
   * read-only (kubelet mounts Secret, ConfigMap and projected volumes read-only);
   * a FileSystem source is writable unless `readOnly`.
   */
  mount(path: string, source: MountSource, options: { readOnly?: boolean } = {}): void {
    const normal = this.resolve('/', path);
    this.makeDirectories(normal);
    const readOnly = typeof source === 'function' || options.readOnly === true;
    this.mounts = this.mounts.filter((m) => m.path !== normal);
    this.mounts.push({ path: normal, source, readOnly });
    this.mounts.sort((a, b) => b.path.length - a.path.length);
  }

  /** Removes the overlay at `path`; the directory underneath shows again. */
  unmount(path: string): void {
    const normal = this.resolve('/', path);
    this.mounts = this.mounts.filter((m) => m.path !== normal);
  }

  resolve(cwd: string, path: string): string {
    const absolute = path.startsWith('/') ? path : `${cwd}/${path}`;
    // Fast path: already normal (no empty, "." or ".." components, no trailing slash).
    if (!/\/\/|\/\.\.?(\/|$)|.\/$/.test(absolute)) return absolute;
    const out: string[] = [];
    for (const part of absolute.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return `/${out.join('/')}`;
  }

  readFile(path: string): string | undefined {
    if (path === DEV_NULL) return '';
    const mounted = this.mountOf(path);
    if (mounted) return readMounted(mounted.mount, mounted.inner);
    const node = this.lookup(path);
    return node?.kind === 'file' ? node.content : undefined;
  }

  writeFile(path: string, content: string, options: { append?: boolean } = {}): void {
    if (path === DEV_NULL) return;
    const mounted = this.mountOf(path);
    if (mounted) {
      if (mounted.mount.readOnly) throw new FileSystemError('EROFS', path);
      (mounted.mount.source as FileSystem).writeFile(mounted.inner, content, options);
      return;
    }
    const parent = this.parentDirectory(path);
    const name = baseName(path);
    const existing = parent.children.get(name);
    if (existing?.kind === 'dir') throw new FileSystemError('EISDIR', path);
    if (existing && options.append) existing.content += content;
    else parent.children.set(name, { kind: 'file', content });
  }

  exists(path: string): boolean {
    if (path === DEV_NULL) return true;
    const mounted = this.mountOf(path);
    if (mounted) return existsMounted(mounted.mount, mounted.inner);
    return this.lookup(path) !== undefined;
  }

  isDirectory(path: string): boolean {
    const mounted = this.mountOf(path);
    if (mounted) return isDirectoryMounted(mounted.mount, mounted.inner);
    return this.lookup(path)?.kind === 'dir';
  }

  list(path: string): string[] | undefined {
    const mounted = this.mountOf(path);
    if (mounted) return listMounted(mounted.mount, mounted.inner);
    const node = this.lookup(path);
    if (node?.kind !== 'dir') return undefined;
    const names = [...node.children.keys()];
    if (path === '/dev' && !node.children.has('null')) names.push('null');
    return names.sort(compareBytes);
  }

  mkdir(path: string, options: { recursive?: boolean } = {}): void {
    const mounted = this.mountOf(path);
    if (mounted) {
      if (mounted.mount.readOnly) throw new FileSystemError('EROFS', path);
      (mounted.mount.source as FileSystem).mkdir(mounted.inner, options);
      return;
    }
    if (options.recursive) {
      let dir = this.root;
      const parts = components(path);
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        const next = dir.children.get(part);
        if (next?.kind === 'file') throw new FileSystemError(i === parts.length - 1 ? 'EEXIST' : 'ENOTDIR', path);
        if (next) dir = next;
        else {
          const created: DirectoryNode = { kind: 'dir', children: new Map() };
          dir.children.set(part, created);
          dir = created;
        }
      }
      return;
    }
    const parent = this.parentDirectory(path);
    const name = baseName(path);
    if (name === '' || parent.children.has(name)) throw new FileSystemError('EEXIST', path);
    parent.children.set(name, { kind: 'dir', children: new Map() });
  }

  remove(path: string, options: { recursive?: boolean } = {}): void {
    const mounted = this.mountOf(path);
    if (mounted) {
      if (mounted.mount.readOnly) throw new FileSystemError('EROFS', path);
      (mounted.mount.source as FileSystem).remove(mounted.inner, options);
      return;
    }
    if (this.mounts.some((m) => m.path === path || m.path.startsWith(`${path}/`))) {
      // A mount point (or a directory holding one) is busy in Linux; EROFS is the nearest code we have.
      throw new FileSystemError('EROFS', path);
    }
    const parent = this.parentDirectory(path);
    const name = baseName(path);
    const node = parent.children.get(name);
    if (!node) throw new FileSystemError('ENOENT', path);
    if (node.kind === 'dir' && node.children.size > 0 && !options.recursive) throw new FileSystemError('ENOTEMPTY', path);
    parent.children.delete(name);
  }

  /** The mount that holds `path` and the path inside it, if any. */
  private mountOf(path: string): { mount: Mount; inner: string } | undefined {
    for (const mount of this.mounts) {
      if (path === mount.path) return { mount, inner: '/' };
      if (path.startsWith(mount.path) && path.charCodeAt(mount.path.length) === 47 /* / */) {
        return { mount, inner: mount.path === '/' ? path : path.slice(mount.path.length) };
      }
    }
    return undefined;
  }

  private lookup(path: string): Node | undefined {
    let node: Node = this.root;
    for (const part of components(path)) {
      if (node.kind !== 'dir') return undefined;
      const next: Node | undefined = node.children.get(part);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  /** The directory that would hold `path`; throws ENOENT / ENOTDIR as open(2) would. */
  private parentDirectory(path: string): DirectoryNode {
    let dir = this.root;
    const parts = components(path);
    for (let i = 0; i < parts.length - 1; i++) {
      const next = dir.children.get(parts[i]);
      if (!next) throw new FileSystemError('ENOENT', path);
      if (next.kind !== 'dir') throw new FileSystemError('ENOTDIR', path);
      dir = next;
    }
    return dir;
  }

  private makeDirectories(path: string): DirectoryNode {
    let dir = this.root;
    for (const part of components(path)) {
      let next = dir.children.get(part);
      if (!next || next.kind !== 'dir') {
        next = { kind: 'dir', children: new Map() };
        dir.children.set(part, next);
      }
      dir = next;
    }
    return dir;
  }
}

const DEV_NULL = '/dev/null';

function components(path: string): string[] {
  return path === '/' ? [] : path.slice(1).split('/');
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** C-locale order: by UTF-16 code unit, which matches byte order for the names we hold. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function volumeFiles(mount: Mount): Readonly<Record<string, string>> | undefined {
  return typeof mount.source === 'function' ? mount.source() : undefined;
}

function readMounted(mount: Mount, inner: string): string | undefined {
  const files = volumeFiles(mount);
  if (!files) return (mount.source as FileSystem).readFile(inner);
  return Object.prototype.hasOwnProperty.call(files, inner.slice(1)) ? files[inner.slice(1)] : undefined;
}

function isDirectoryMounted(mount: Mount, inner: string): boolean {
  const files = volumeFiles(mount);
  if (!files) return (mount.source as FileSystem).isDirectory(inner);
  if (inner === '/') return true;
  const prefix = `${inner.slice(1)}/`;
  return Object.keys(files).some((key) => key.startsWith(prefix));
}

function existsMounted(mount: Mount, inner: string): boolean {
  const files = volumeFiles(mount);
  if (!files) return (mount.source as FileSystem).exists(inner);
  return Object.prototype.hasOwnProperty.call(files, inner.slice(1)) || isDirectoryMounted(mount, inner);
}

function listMounted(mount: Mount, inner: string): string[] | undefined {
  const files = volumeFiles(mount);
  if (!files) return (mount.source as FileSystem).list(inner);
  if (!isDirectoryMounted(mount, inner)) return undefined;
  const prefix = inner === '/' ? '' : `${inner.slice(1)}/`;
  const names = new Set<string>();
  for (const key of Object.keys(files)) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    names.add(rest.split('/', 1)[0]);
  }
  return [...names].sort(compareBytes);
}
