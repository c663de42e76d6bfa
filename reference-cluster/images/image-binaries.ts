/**
 * Built programs in pod images (CoreDNS's /coredns): the binary from the
 * reference cluster's bin dir, and, because `go build` links the cgo resolver
 * against glibc here (the official images are static), the shared libraries
 * it needs, taken from the image's Debian root at the paths the binary names
 * (its interpreter /lib64/ld-linux-x86-64.so.2, libc in /lib/x86_64-linux-gnu).
 */
import { lstatSync, readlinkSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { runCommand } from '../node/run-command.ts';
import type { ImageRecipe } from './image-recipes.ts';

/** A file of the machine copied into an image layer. */
export interface LayerCopy {
  source: string;
  mode: number;
  /** File capabilities to set on the copy (setcap syntax). */
  capabilities?: string;
}

/**
 * The absolute library paths in `ldd` output: `libc.so.6 => /lib/.../libc.so.6 (0x..)`
 * and the interpreter line `/lib64/ld-linux-x86-64.so.2 (0x..)`; none for a static binary.
 */
export function sharedLibraries(lddOutput: string): string[] {
  const paths: string[] = [];
  for (const line of lddOutput.split('\n')) {
    const m = /^\s*(?:\S+\s+=>\s+)?(\/\S+)\s+\(0x[0-9a-f]+\)\s*$/.exec(line);
    if (m) paths.push(m[1]);
  }
  return paths;
}

/** `path` inside the tree at `root` with every symbolic link resolved inside that tree (absolute targets included). */
export function resolveInRoot(root: string, path: string): string {
  let parts = path.split('/').filter(Boolean);
  let resolved = '/';
  for (let hops = 0; parts.length > 0; ) {
    const next = posix.join(resolved, parts.shift()!);
    const stat = lstatSync(join(root, next));
    if (!stat.isSymbolicLink()) {
      resolved = next;
      continue;
    }
    if (++hops > 40) throw new Error(`${path} in ${root}: too many symbolic links`);
    const target = readlinkSync(join(root, next));
    parts = [...target.split('/').filter(Boolean), ...parts];
    resolved = target.startsWith('/') ? '/' : dirname(next);
  }
  return join(root, resolved);
}

/**
 * What the image's layer copies for the recipe's binaries: image path → copy.
 * @param binDir the reference cluster's bin dir
 * @param libraryRoot the root file system the libraries come from (the Debian base)
 */
export async function binaryCopies(recipe: ImageRecipe, binDir: string, libraryRoot: string): Promise<Map<string, LayerCopy>> {
  const copies = new Map<string, LayerCopy>();
  for (const [path, binary] of Object.entries(recipe.binaries ?? {})) {
    const source = join(binDir, binary.from);
    copies.set(path, { source, mode: 0o755, capabilities: binary.capabilities });
    const ldd = await runCommand('ldd', [source], { allowFailure: true });
    for (const library of sharedLibraries(ldd.stdout)) {
      if (!copies.has(library)) copies.set(library, { source: resolveInRoot(libraryRoot, library), mode: 0o755 });
    }
  }
  return copies;
}
