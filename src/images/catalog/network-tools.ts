/**
 * Images people run to poke at the network: tutum/dnsutils (Ubuntu trusty +
 * dnsutils: bind's nslookup, dig, host; seed 001 runs it with `sleep infinity`)
 * and curlimages/curl (Alpine + curl, runs as curl_user, `ENTRYPOINT
 * ["/entrypoint.sh"]`, `CMD ["curl"]`).
 */
import type { ImageSpec } from '../image-spec.ts';
import { BUSYBOX_APPLETS, DEBIAN_SLIM_TOOLS, DEFAULT_PATH } from './tool-sets.ts';

export const NETWORK_TOOL_IMAGES: readonly ImageSpec[] = [
  {
    name: 'tutum/dnsutils',
    sizeBytes: 80_474_338,
    pullSeconds: 7.9,
    env: { PATH: DEFAULT_PATH },
    cmd: ['/bin/bash'],
    files: {},
    tools: [...DEBIAN_SLIM_TOOLS, 'nslookup', 'dig', 'host'],
    daemons: [],
  },
  {
    name: 'curlimages/curl',
    sizeBytes: 11_960_532,
    pullSeconds: 2.2,
    env: { PATH: DEFAULT_PATH },
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    user: { name: 'curl_user', home: '/home/curl_user' },
    files: { '/entrypoint.sh': '#!/bin/sh\nset -e\n\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ]; then\n  set -- curl "$@"\nfi\n\nexec "$@"\n' },
    binDir: '/bin',
    tools: [...BUSYBOX_APPLETS, 'curl'],
    execWrappers: ['/entrypoint.sh'],
    daemons: [],
  },
];
