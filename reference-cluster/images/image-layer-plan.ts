/**
 * What an image's own layer holds on top of its base: the catalog's files and
 * the recipe's stand-ins, links that make busybox applets the image's
 * programs, and whiteouts that take away the programs the original image does
 * not have (the shared Debian base has dig, node and curl; the nginx image must
 * not, or `nslookup` in an nginx pod would work here and fail on kind).
 */
import type { ImageSpec } from '../../src/images/image-spec.ts';
import type { LayerCopy } from './image-binaries.ts';
import { APPLET_STAND_INS, type ImageRecipe, type RecipeFile } from './image-recipes.ts';

export interface LayerPlan {
  /** Absolute path to content and mode. */
  files: Map<string, { content: string; mode: number }>;
  /** Absolute path to link target. */
  links: Map<string, string>;
  /** Absolute path to a file of the machine copied in (built binaries and their libraries: image-binaries.ts). */
  copies: Map<string, LayerCopy>;
  /** Absolute paths the layer deletes from the base (OCI whiteouts). */
  whiteouts: string[];
}

/** What the planner needs to know about a base file system. */
export interface BaseView {
  /** Directories holding the base's programs, searched in order (`/usr/bin` first on merged-/usr Debian). */
  programDirs: readonly string[];
  /** Whether a path exists in the base (symlinks count, even dangling ones). */
  exists(path: string): boolean;
  /** Text of a file of the base, or undefined. */
  read(path: string): string | undefined;
}

function modeOf(file: RecipeFile): number {
  return file.mode ?? (file.content.startsWith('#!') ? 0o755 : 0o644);
}

function withLines(base: string | undefined, lines: string[]): string {
  let text = base ?? '';
  if (text && !text.endsWith('\n')) text += '\n';
  for (const line of lines) {
    const name = line.split(':')[0];
    if (!text.split('\n').some((l) => l.split(':')[0] === name)) text += `${line}\n`;
  }
  return text;
}

/**
 * Plans the layer of one image.
 * @param universe every program any catalog image has: the ones an image may lack
 * @param applets busybox's applets (its `--list`)
 * @param copies the recipe's binaries and their libraries (image-binaries.ts binaryCopies)
 */
export function planImageLayer(
  recipe: ImageRecipe,
  spec: ImageSpec,
  base: BaseView,
  universe: ReadonlySet<string>,
  applets: ReadonlySet<string>,
  copies: ReadonlyMap<string, LayerCopy> = new Map(),
): LayerPlan {
  const files = new Map<string, { content: string; mode: number }>();
  for (const [path, content] of Object.entries(spec.files)) files.set(path, { content, mode: modeOf({ content }) });
  for (const [path, file] of Object.entries(recipe.files ?? {})) files.set(path, { content: file.content, mode: modeOf(file) });
  if (recipe.users?.length) {
    files.set('/etc/passwd', { content: withLines(files.get('/etc/passwd')?.content ?? base.read('/etc/passwd'), recipe.users.map((u) => u.passwd)), mode: 0o644 });
    files.set('/etc/group', { content: withLines(files.get('/etc/group')?.content ?? base.read('/etc/group'), recipe.users.map((u) => u.group)), mode: 0o644 });
  }

  const links = new Map<string, string>(Object.entries(recipe.links ?? {}));
  const has = new Set(spec.tools);
  const keep = new Set(recipe.keepPrograms ?? []);
  const firstDir = base.programDirs[0];
  if (recipe.programs === 'busybox') {
    keep.add('busybox');
    for (const tool of spec.tools) {
      const path = `${firstDir}/${tool}`;
      if (applets.has(tool) && tool !== 'busybox') links.set(path, `${firstDir}/busybox`);
      else if (!applets.has(tool) && !base.exists(path) && !files.has(path) && APPLET_STAND_INS[tool]) {
        files.set(path, { content: APPLET_STAND_INS[tool].content, mode: modeOf(APPLET_STAND_INS[tool]) });
      }
    }
  }

  const whiteouts: string[] = [];
  for (const tool of [...universe].sort()) {
    if (has.has(tool) || keep.has(tool)) continue;
    for (const dir of base.programDirs) {
      const path = `${dir}/${tool}`;
      if (base.exists(path) && !files.has(path) && !links.has(path) && !copies.has(path)) whiteouts.push(path);
    }
  }
  return { files, links, copies: new Map(copies), whiteouts };
}
