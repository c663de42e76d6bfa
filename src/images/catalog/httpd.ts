/**
 * The official httpd image (docker-library/httpd 2.4, Debian bookworm-slim):
 * `CMD ["httpd-foreground"]`, `STOPSIGNAL SIGWINCH` (graceful stop, exit 0),
 * document root /usr/local/apache2/htdocs with the `It works!` page (seed 004).
 * No curl or wget in it.
 */
import type { ImageSpec } from '../image-spec.ts';
import { DEBIAN_SLIM_TOOLS } from './tool-sets.ts';

export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

export const HTTPD_IMAGES: readonly ImageSpec[] = [
  {
    name: 'httpd',
    sizeBytes: 58_136_286,
    pullSeconds: 5.4,
    env: {
      PATH: '/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HTTPD_PREFIX: '/usr/local/apache2',
      HTTPD_VERSION: '2.4.62',
      HTTPD_PATCHES: '',
    },
    cmd: ['httpd-foreground'],
    workingDir: '/usr/local/apache2',
    files: { '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX },
    tools: [...DEBIAN_SLIM_TOOLS, 'httpd', 'httpd-foreground'],
    daemons: [
      {
        argv: ['httpd-foreground'],
        servers: [{ port: 80, protocol: 'TCP', handler: { kind: 'httpd', root: '/usr/local/apache2/htdocs', version: '2.4.62' } }],
        startupSeconds: 0.2,
        onStop: { exitCode: 0, stopSeconds: 0.5 },
        startupLog: [
          "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.2. Set the 'ServerName' directive globally to suppress this message",
        ],
      },
    ],
  },
];
