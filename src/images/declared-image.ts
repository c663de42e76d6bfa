/**
 * An image a feature file declares (`Given an image "NAME" that answers "TEXT" on port P`):
 * a busybox-based server answering every HTTP request with the text, with
 * busybox's tools, like the small test servers tutorials build.
 */
import type { ImageDefinition } from '../backend/backend.ts';
import { BUSYBOX_APPLETS } from './catalog/tool-sets.ts';
import type { ImageSpec } from './image-spec.ts';

export function textServerImage(image: ImageDefinition): ImageSpec {
  return {
    name: image.name,
    sizeBytes: 2_212_000,
    pullSeconds: 1,
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    entrypoint: ['/server'],
    files: {},
    tools: [...BUSYBOX_APPLETS, 'server'],
    daemons: [
      {
        argv: ['/server'],
        servers: [{ port: image.port, protocol: 'TCP', handler: { kind: 'text', status: 200, body: image.answer.endsWith('\n') ? image.answer : `${image.answer}\n` } }],
        startupSeconds: 0.1,
        onStop: { exitCode: 0, stopSeconds: 0.1 },
      },
    ],
  };
}
