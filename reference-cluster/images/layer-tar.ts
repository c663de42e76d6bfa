/**
 * Image layers as uncompressed tar files (media type
 * application/vnd.oci.image.layer.v1.tar: containerd unpacks it as is, and
 * nothing has to spend the machine's two cores on gzip). A planned layer is
 * first laid out in a staging directory, whiteouts as empty `.wh.NAME` files
 * (OCI image-spec layer.md, "Whiteouts").
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, createReadStream, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { runCommand } from '../node/run-command.ts';
import type { LayerPlan } from './image-layer-plan.ts';

export interface LayerFile {
  path: string;
  /** `sha256:<hex>` of the tar: for an uncompressed layer, digest and diff_id alike. */
  digest: string;
  size: number;
}

/** Digest and size of a file, read as a stream (layers are hundreds of megabytes). */
export async function fileDigest(path: string): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

/**
 * Tars a directory as a layer. Paths in `exclude` are tar patterns relative to
 * the directory (`./proc/*`). `normalize` sets owners to root and times to 0
 * (small generated layers, so a rebuild gives the same digest) and keeps
 * file capabilities (the security.capability extended attribute) as
 * SCHILY.xattr pax records, which containerd's unpacker applies.
 */
export async function tarDirectory(dir: string, out: string, options: { exclude?: string[]; normalize?: boolean } = {}): Promise<LayerFile> {
  mkdirSync(dirname(out), { recursive: true });
  // A new file, renamed into place: the old one may be hard-linked into a layout still in use.
  const partial = `${out}.partial`;
  const args = ['--create', '--file', partial, '--directory', dir, '--numeric-owner', '--sort=name'];
  if (options.normalize) {
    args.push('--owner=0', '--group=0', '--mtime=@0', '--xattrs', '--xattrs-include=security.capability');
    // Extended attributes make the tar POSIX (pax): no atime, ctime or pid in its headers, so digests stay stable.
    args.push('--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime');
  }
  for (const pattern of options.exclude ?? []) args.push(`--exclude=${pattern}`);
  args.push('.');
  await runCommand('tar', args);
  renameSync(partial, out);
  return { path: out, ...(await fileDigest(out)) };
}

/** Lays a plan out under `staging` (emptied first). */
export function stagePlan(plan: LayerPlan, staging: string): void {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const place = (path: string) => {
    const target = join(staging, path);
    mkdirSync(dirname(target), { recursive: true });
    return target;
  };
  for (const [path, file] of plan.files) {
    const target = place(path);
    writeFileSync(target, file.content);
    chmodSync(target, file.mode);
  }
  for (const [path, target] of plan.links) symlinkSync(target, place(path));
  for (const [path, copy] of plan.copies) {
    const target = place(path);
    copyFileSync(copy.source, target);
    chmodSync(target, copy.mode);
    if (copy.capabilities) execFileSync('setcap', [copy.capabilities, target], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  for (const path of plan.whiteouts) writeFileSync(place(join(dirname(path), `.wh.${basename(path)}`)), '');
}
