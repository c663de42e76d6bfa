/**
 * busybox (docker-library busybox: `CMD ["sh"]`, no ENTRYPOINT, only PATH set)
 * and radial/busyboxplus:curl (seed 000: busybox 1.22 plus curl). Without a
 * command they run `sh`, which exits at once when no stdin is attached: the
 * container completes and the kubelet restarts it into CrashLoopBackOff, as on
 * a real cluster.
 */
import type { ImageSpec } from '../image-spec.ts';
import { BUSYBOX_IMAGE_TOOLS, DEFAULT_PATH } from './tool-sets.ts';

export const BUSYBOX_IMAGES: readonly ImageSpec[] = [
  {
    name: 'busybox',
    sizeBytes: 2_166_802,
    pullSeconds: 1.6,
    env: { PATH: DEFAULT_PATH },
    cmd: ['sh'],
    files: { '/etc/hostname': '', '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\n' },
    binDir: '/bin',
    tools: BUSYBOX_IMAGE_TOOLS,
    daemons: [],
  },
  {
    name: 'radial/busyboxplus',
    sizeBytes: 4_887_048,
    pullSeconds: 2.4,
    env: { PATH: DEFAULT_PATH },
    cmd: ['/bin/sh'],
    files: {},
    binDir: '/bin',
    tools: [...BUSYBOX_IMAGE_TOOLS, 'curl'],
    daemons: [],
  },
];
