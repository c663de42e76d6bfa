/**
 * The Debian root file system most pod images are cut from: bookworm minbase
 * plus the servers and tools the features' images carry (nginx, Apache httpd,
 * node for luksa/kubia, curl, wget, bind's dig/nslookup, inotifywait for the
 * https-nginx example). Made once with debootstrap and kept in the cache.
 *
 * The first stage downloads; the second stage (which runs the packages'
 * maintainer scripts) runs in a network namespace of its own, so a postinst
 * that starts nginx or Apache cannot listen on the machine's network, and in a
 * mount namespace of its own, so the /proc it mounts goes away with it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../node/run-command.ts';

/** Debian release of the image base (the machine's own release, so apt's mirror has it). */
export const DEBIAN_SUITE = 'bookworm';
const MIRROR = 'http://deb.debian.org/debian';

/** Packages beyond minbase. The list is part of the cache key. */
export const DEBIAN_IMAGE_PACKAGES: readonly string[] = [
  'nginx', 'apache2', 'nodejs', 'curl', 'wget', 'bind9-dnsutils', 'inotify-tools', 'busybox-static', 'procps',
  'iproute2', 'iputils-ping', 'netcat-openbsd', 'ca-certificates',
];

/** Changes with the package list, so a new list builds a new file system. */
function cacheKey(): string {
  return createHash('sha256').update([...DEBIAN_IMAGE_PACKAGES].sort().join(' ')).digest('hex').slice(0, 12);
}

/**
 * Returns the directory of the Debian root file system, building it when the
 * cache lacks it (about 300 MB, a few minutes).
 */
export async function ensureDebianRootfs(imagesDir: string, log: (line: string) => void): Promise<string> {
  const dir = join(imagesDir, `debian-${DEBIAN_SUITE}-${cacheKey()}`);
  // The marker sits beside the tree, not in it: the tree becomes an image layer as it is.
  const done = `${dir}.complete`;
  if (existsSync(done)) return dir;
  const work = `${dir}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  log(`images: debootstrap ${DEBIAN_SUITE} into ${work} (first stage: download)`);
  await runCommand('debootstrap', ['--foreign', '--variant=minbase', `--include=${DEBIAN_IMAGE_PACKAGES.join(',')}`, DEBIAN_SUITE, work, MIRROR]);
  log('images: debootstrap second stage (no network)');
  await runCommand('unshare', ['--net', '--mount', '--propagation', 'private', '--', 'chroot', work, '/debootstrap/debootstrap', '--second-stage']);
  // Trim what an image build would trim: apt lists and caches, docs.
  for (const sub of ['var/lib/apt/lists', 'var/cache/apt', 'usr/share/doc', 'usr/share/man', 'usr/share/info']) {
    const path = join(work, sub);
    if (!existsSync(path)) continue;
    for (const entry of readdirSync(path)) rmSync(join(path, entry), { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  writeFileSync(done, `${new Date().toISOString()}\n`);
  return dir;
}
