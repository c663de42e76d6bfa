/**
 * An OCI image layout directory (image-spec image-layout.md): blobs by
 * digest, index.json listing one manifest per image name. Every image of the
 * reference cluster lives in one layout, so images that share the Debian base
 * share its blob. `ctr images import` reads the layout as a tar stream and
 * names each image from the `io.containerd.image.name` annotation
 * (containerd client/import.go, imageName).
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerFile } from './layer-tar.ts';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

/** The parts of an OCI image config (image-spec config.md) our images set. */
export interface ImageConfig {
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  WorkingDir?: string;
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  StopSignal?: string;
}

export const LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar';
const CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
/** A fixed creation time keeps digests stable across rebuilds. */
const CREATED = '2024-12-10T00:00:00Z';

export class OciLayout {
  private readonly manifests: Descriptor[] = [];

  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  }

  private blobPath(digest: string): string {
    return join(this.dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
  }

  /** Adds a layer tar (hard-linked, not copied). */
  addLayer(layer: LayerFile): Descriptor {
    const path = this.blobPath(layer.digest);
    if (!existsSync(path)) linkSync(layer.path, path);
    return { mediaType: LAYER_MEDIA_TYPE, digest: layer.digest, size: layer.size };
  }

  private addJson(value: unknown, mediaType: string): Descriptor {
    const bytes = Buffer.from(JSON.stringify(value));
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    writeFileSync(this.blobPath(digest), bytes);
    return { mediaType, digest, size: bytes.length };
  }

  /** Adds an image under each of `names` (full references: docker.io/library/nginx:latest). */
  addImage(names: string[], config: ImageConfig, layers: Descriptor[]): Descriptor {
    const configBlob = this.addJson(
      {
        created: CREATED,
        architecture: 'amd64',
        os: 'linux',
        config,
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        history: layers.map(() => ({ created: CREATED, created_by: 'kube-scenarios reference-cluster/images' })),
      },
      CONFIG_MEDIA_TYPE,
    );
    const manifest = this.addJson({ schemaVersion: 2, mediaType: MANIFEST_MEDIA_TYPE, config: configBlob, layers }, MANIFEST_MEDIA_TYPE);
    for (const name of names) {
      this.manifests.push({
        ...manifest,
        annotations: { 'io.containerd.image.name': name, 'org.opencontainers.image.ref.name': name.slice(name.lastIndexOf(':') + 1) },
      });
    }
    return manifest;
  }

  /** Writes index.json and oci-layout: the layout is complete. */
  finish(): void {
    writeFileSync(join(this.dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    writeFileSync(join(this.dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: this.manifests }, null, 1));
  }
}
