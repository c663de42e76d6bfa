/**
 * Builds every pod image of the reference cluster into one OCI layout under
 * CACHE/images/oci (see oci-layout.ts), ready for `ctr images import` on each
 * node and for the node's local registry. Idempotent: a stamp of every input
 * (recipes, catalog specs, the pause source, this folder's code, the Debian
 * base) skips a build whose result is already there.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImageCatalog } from '../../src/images/image-catalog.ts';
import { parseImageReference } from '../../src/images/image-reference.ts';
import type { ImageSpec } from '../../src/images/image-spec.ts';
import { BUILTIN_IMAGES } from '../../src/images/catalog/builtin-images.ts';
import { runCommand } from '../node/run-command.ts';
import { ensureDebianRootfs } from './debian-rootfs.ts';
import { stageDistrolessBase } from './distroless-base.ts';
import { binaryCopies } from './image-binaries.ts';
import { planImageLayer, type BaseView } from './image-layer-plan.ts';
import { PAUSE_IMAGE, POD_IMAGE_RECIPES, type ImageRecipe } from './image-recipes.ts';
import { stagePlan, tarDirectory, type LayerFile } from './layer-tar.ts';
import { OciLayout, type Descriptor, type ImageConfig } from './oci-layout.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const PAUSE_SOURCE = join(HERE, 'pause', 'pause.c');

/** The OCI layout holding every pod image (what nodes import), in the images cache directory. */
export function ociLayoutDir(imagesCacheDir: string): string {
  return join(imagesCacheDir, 'oci');
}

/** The full names an image is imported under (`nginx:latest` is `docker.io/library/nginx:latest`). */
export function normalizedNames(references: readonly string[]): string[] {
  return references.map((ref) => {
    const parsed = parseImageReference(ref);
    if (!parsed.ok) throw new Error(`image recipe reference "${ref}": ${parsed.error}`);
    return parsed.reference.normalized;
  });
}

/** Every program any catalog image has: the set an image may lack. */
export function programUniverse(specs: readonly ImageSpec[] = BUILTIN_IMAGES): Set<string> {
  return new Set(specs.flatMap((s) => s.tools));
}

function catalogSpec(recipe: ImageRecipe): ImageSpec {
  const found = new ImageCatalog().lookup(recipe.catalogReference);
  if (found.kind !== 'found') throw new Error(`image recipe: the catalog has no "${recipe.catalogReference}"`);
  return found.image.spec;
}

/** An image config from the catalog's description of the image. */
export function imageConfig(recipe: ImageRecipe, spec: ImageSpec): ImageConfig {
  const config: ImageConfig = { Env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`) };
  if (spec.entrypoint) config.Entrypoint = spec.entrypoint;
  if (spec.cmd) config.Cmd = spec.cmd;
  if (spec.workingDir) config.WorkingDir = spec.workingDir;
  if (recipe.user ?? spec.user) config.User = recipe.user ?? spec.user!.name;
  const ports = spec.daemons.flatMap((d) => d.servers).filter((s) => s.port > 0);
  if (ports.length) config.ExposedPorts = Object.fromEntries(ports.map((s) => [`${s.port}/${s.protocol.toLowerCase()}`, {}]));
  if (recipe.stopSignal) config.StopSignal = recipe.stopSignal;
  return config;
}

function directoryView(root: string, programDirs: string[]): BaseView {
  return {
    programDirs,
    exists: (path) => {
      try {
        lstatSync(join(root, path));
        return true;
      } catch {
        return false;
      }
    },
    read: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined),
  };
}

async function busyboxApplets(debianRoot: string): Promise<Set<string>> {
  const listed = await runCommand(join(debianRoot, 'usr/bin/busybox'), ['--list']);
  return new Set(listed.stdout.split('\n').filter(Boolean));
}

/** The busybox image's base: Debian's static busybox and the directories a busybox image has. */
function stageBusyboxBase(debianRoot: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['bin', 'etc', 'root', 'tmp', 'var', 'proc', 'sys', 'dev', 'home']) mkdirSync(join(dir, sub), { recursive: true });
  copyFileSync(join(debianRoot, 'usr/bin/busybox'), join(dir, 'bin/busybox'));
  writeFileSync(join(dir, 'etc/group'), 'root:x:0:\nnobody:x:65534:\n');
  writeFileSync(join(dir, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
}

function inputsStamp(debianRoot: string, binDir: string): string {
  const hash = createHash('sha256');
  // The built binaries images carry (CoreDNS): a rebuild of one rebuilds the images.
  for (const recipe of POD_IMAGE_RECIPES) for (const b of Object.values(recipe.binaries ?? {})) hash.update(readFileSync(join(binDir, b.from)));
  hash.update(debianRoot);
  for (const file of readdirSync(HERE).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) hash.update(readFileSync(join(HERE, file)));
  hash.update(readFileSync(PAUSE_SOURCE));
  for (const recipe of POD_IMAGE_RECIPES) hash.update(JSON.stringify([recipe, catalogSpec(recipe)]));
  return hash.digest('hex');
}

/**
 * Builds the images (cached) in `cacheDir`, the images cache directory
 * (CACHE/images of the reference cluster), taking built programs (CoreDNS)
 * from `binDir`. The Debian base is made by debootstrap on the first run (a
 * few minutes); later runs with unchanged inputs return at once.
 */
export async function buildImages(opts: { cacheDir: string; binDir: string; log: (line: string) => void }): Promise<void> {
  const root = opts.cacheDir;
  mkdirSync(root, { recursive: true });
  const debianRoot = await ensureDebianRootfs(root, opts.log);
  const stamp = inputsStamp(debianRoot, opts.binDir);
  const stampFile = join(root, 'oci.stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(ociLayoutDir(opts.cacheDir), 'index.json'))) {
    opts.log('images: up to date');
    return;
  }

  const layersDir = join(root, 'layers');
  const stagingDir = join(root, 'staging');
  mkdirSync(layersDir, { recursive: true });

  // The Debian base layer is big: kept between builds, keyed by the base's directory name.
  const debianLayerPath = join(layersDir, `${debianRoot.split('/').pop()}.tar`);
  const debianLayerMeta = `${debianLayerPath}.json`;
  let debianLayer: LayerFile;
  if (existsSync(debianLayerMeta) && existsSync(debianLayerPath)) debianLayer = JSON.parse(readFileSync(debianLayerMeta, 'utf8')) as LayerFile;
  else {
    opts.log('images: tar the Debian base layer');
    debianLayer = await tarDirectory(debianRoot, debianLayerPath, { exclude: ['./proc/*', './sys/*', './dev/*', './debootstrap'] });
    writeFileSync(debianLayerMeta, JSON.stringify(debianLayer));
  }

  const busyboxBaseDir = join(stagingDir, 'busybox-base');
  stageBusyboxBase(debianRoot, busyboxBaseDir);
  const busyboxLayer = await tarDirectory(busyboxBaseDir, join(layersDir, 'busybox-base.tar'), { normalize: true });
  const distrolessBaseDir = join(stagingDir, 'distroless-base');
  stageDistrolessBase(debianRoot, distrolessBaseDir);
  const distrolessLayer = await tarDirectory(distrolessBaseDir, join(layersDir, 'distroless-base.tar'), { normalize: true });

  const pauseDir = join(stagingDir, 'pause');
  rmSync(pauseDir, { recursive: true, force: true });
  mkdirSync(pauseDir, { recursive: true });
  await runCommand('gcc', ['-static', '-Os', '-o', join(pauseDir, 'pause'), PAUSE_SOURCE]);
  const pauseLayer = await tarDirectory(pauseDir, join(layersDir, 'pause.tar'), { normalize: true });

  const layoutDir = ociLayoutDir(opts.cacheDir);
  const partial = `${layoutDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const layout = new OciLayout(partial);
  const debianBase = layout.addLayer(debianLayer);
  const busyboxBase = layout.addLayer(busyboxLayer);
  const distrolessBase = layout.addLayer(distrolessLayer);
  layout.addImage(normalizedNames([PAUSE_IMAGE]), { Entrypoint: ['/pause'] }, [layout.addLayer(pauseLayer)]);

  const universe = programUniverse();
  const applets = await busyboxApplets(debianRoot);
  for (const recipe of POD_IMAGE_RECIPES) {
    const spec = catalogSpec(recipe);
    const names = normalizedNames(recipe.references);
    const [base, view]: [Descriptor, BaseView] =
      recipe.base === 'busybox'
        ? [busyboxBase, directoryView(busyboxBaseDir, ['/bin'])]
        : recipe.base === 'distroless'
          ? [distrolessBase, directoryView(distrolessBaseDir, ['/usr/bin', '/bin'])]
          : [debianBase, directoryView(debianRoot, ['/usr/bin', '/usr/sbin', '/usr/local/bin'])];
    const plan = planImageLayer(recipe, spec, view, universe, applets, await binaryCopies(recipe, opts.binDir, debianRoot));
    const stem = names[0].replace(/[^a-zA-Z0-9.-]+/g, '_');
    const staging = join(stagingDir, stem);
    stagePlan(plan, staging);
    const own = await tarDirectory(staging, join(layersDir, `${stem}.tar`), { normalize: true });
    layout.addImage(names, imageConfig(recipe, spec), [base, layout.addLayer(own)]);
    opts.log(`images: ${names.join(', ')} (${plan.files.size + plan.copies.size} files, ${plan.links.size} links, ${plan.whiteouts.length} programs removed)`);
  }
  layout.finish();
  rmSync(layoutDir, { recursive: true, force: true });
  renameSync(partial, layoutDir);
  writeFileSync(stampFile, stamp);
}
