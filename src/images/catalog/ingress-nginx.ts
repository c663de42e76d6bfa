/**
 * The ingress-nginx controller image (registry.k8s.io/ingress-nginx/controller,
 * v1.11 for Kubernetes 1.31): Alpine with bash and curl, runs as www-data,
 * `/usr/bin/dumb-init -- /nginx-ingress-controller ...`. Ports 80 and 443 are
 * answered by the ingress layer (src/ingress/), /healthz on 10254 says `ok`,
 * 8443 is the admission webhook.
 */
import type { ImageSpec } from '../image-spec.ts';
import { BUSYBOX_APPLETS, DEFAULT_PATH } from './tool-sets.ts';

export const INGRESS_NGINX_IMAGES: readonly ImageSpec[] = [
  {
    name: 'registry.k8s.io/ingress-nginx/controller',
    sizeBytes: 105_518_262,
    pullSeconds: 11.4,
    env: { PATH: DEFAULT_PATH, LUA_PATH: '/usr/local/share/luajit-2.1/?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/lib/lua/?.lua;;', LUA_CPATH: '/usr/local/lib/lua/?/?.so;/usr/local/lib/lua/?.so;;' },
    entrypoint: ['/usr/bin/dumb-init', '--'],
    cmd: ['/nginx-ingress-controller'],
    workingDir: '/etc/nginx',
    user: { name: 'www-data', home: '/home/www-data' },
    files: { '/etc/nginx/nginx.conf': '' },
    binDir: '/bin',
    tools: [...BUSYBOX_APPLETS, 'bash', 'curl', 'nginx', 'dumb-init', 'nginx-ingress-controller', 'dbg'],
    execWrappers: ['/usr/bin/dumb-init'],
    daemons: [
      {
        argv: ['nginx-ingress-controller'],
        servers: [
          { port: 80, protocol: 'TCP', handler: { kind: 'ingress-nginx' } },
          { port: 443, protocol: 'TCP', handler: { kind: 'ingress-nginx' }, tls: true },
          { port: 10254, protocol: 'TCP', handler: { kind: 'text', status: 200, body: 'ok' } },
          { port: 8443, protocol: 'TCP', handler: { kind: 'tcp' } },
        ],
        startupSeconds: 4,
        onStop: { exitCode: 0, stopSeconds: 1 },
      },
    ],
  },
  {
    name: 'registry.k8s.io/ingress-nginx/kube-webhook-certgen',
    sizeBytes: 22_987_310,
    pullSeconds: 2.9,
    env: { PATH: DEFAULT_PATH },
    entrypoint: ['/kube-webhook-certgen'],
    files: {},
    tools: ['kube-webhook-certgen'],
    daemons: [],
  },
];
