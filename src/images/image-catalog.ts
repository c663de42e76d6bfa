/**
 * The images a memory cluster can pull: looked up by reference (`nginx`,
 * `nginx:1.18-alpine`, `docker.io/library/nginx:latest`), extended per feature
 * file. A spec with `tags` wins over the repository's any-tag spec; a spec
 * added by `extend` wins over a built-in one.
 */
import { repoDigest } from './image-digest.ts';
import { parseImageReference, type ImageReference } from './image-reference.ts';
import type { ImageSpec, ResolvedImage } from './image-spec.ts';
import { pullFailureMessage } from './pull-errors.ts';
import { BUILTIN_IMAGES } from './catalog/builtin-images.ts';

export type ImageLookup =
  | { kind: 'found'; reference: ImageReference; image: ResolvedImage }
  /** The reference does not parse: the kubelet's InvalidImageName. */
  | { kind: 'invalid'; error: string }
  /** Parses but no registry has it: the pull fails with `pullError` (containerd's text). */
  | { kind: 'missing'; reference: ImageReference; pullError: string };

interface Entry {
  repository: string;
  spec: ImageSpec;
}

export class ImageCatalog {
  /** Newest first: later `extend` calls shadow earlier entries. */
  private entries: Entry[] = [];

  /** `specs`: the images to start with; the built-in set by default. */
  constructor(specs: readonly ImageSpec[] = BUILTIN_IMAGES) {
    for (const spec of specs) this.add(spec);
  }

  /** Adds (or overrides) an image, e.g. from a feature file's table. Throws on a name that is no image reference. */
  extend(spec: ImageSpec): void {
    this.add(spec);
  }

  /** Finds the image a pod's `image:` field names. */
  lookup(image: string): ImageLookup {
    const parsed = parseImageReference(image);
    if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
    const reference = parsed.reference;
    const candidates = this.entries.filter((e) => e.repository === reference.repository);
    const tagged = candidates.find((e) => e.spec.tags?.includes(reference.tag));
    const anyTag = candidates.find((e) => e.spec.tags === undefined);
    const entry = reference.digest && !tagged ? anyTag : tagged ?? anyTag;
    if (!entry) {
      return { kind: 'missing', reference, pullError: pullFailureMessage(reference, candidates.length > 0) };
    }
    return {
      kind: 'found',
      reference,
      image: {
        spec: entry.spec,
        normalized: reference.normalized,
        imageID: reference.digest ? `${reference.repository}@${reference.digest}` : repoDigest(reference.repository, reference.normalized),
      },
    };
  }

  private add(spec: ImageSpec): void {
    const parsed = parseImageReference(spec.name);
    if (!parsed.ok) throw new Error(`image spec name "${spec.name}": ${parsed.error}`);
    this.entries.unshift({ repository: parsed.reference.repository, spec });
  }
}
