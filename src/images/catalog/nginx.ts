/**
 * The official nginx images (github.com/nginxinc/docker-nginx): Debian
 * bookworm-slim based `nginx:latest` (mainline 1.27.1 when Kubernetes 1.31 and
 * kind v0.24 were current) and the Alpine variants (`nginx:1.18-alpine` of
 * seed 003). Files are the package's defaults: the welcome page, 50x.html,
 * nginx.conf and conf.d/default.conf (after docker-entrypoint.d's
 * 10-listen-on-ipv6-by-default.sh added the `[::]:80` listener).
 */
import type { DaemonSpec, ImageSpec } from '../image-spec.ts';
import { BUSYBOX_APPLETS, DEBIAN_SLIM_TOOLS, DEFAULT_PATH } from './tool-sets.ts';

export const NGINX_WELCOME_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const NGINX_50X_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}
`;

/** The subset of mime.types the static handler needs to set Content-Type. */
export const NGINX_MIME_TYPES = `
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    text/plain                                       txt;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    application/json                                 json;
    application/pdf                                  pdf;
}
`;

function nginxFiles(): Record<string, string> {
  return {
    '/usr/share/nginx/html/index.html': NGINX_WELCOME_PAGE,
    '/usr/share/nginx/html/50x.html': NGINX_50X_PAGE,
    '/etc/nginx/nginx.conf': NGINX_CONF,
    '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
    '/etc/nginx/mime.types': NGINX_MIME_TYPES,
    '/docker-entrypoint.sh': '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n',
  };
}

/** nginx's entrypoint scripts announce themselves on stdout before nginx starts (docker-entrypoint.sh). */
const NGINX_STARTUP_LOG = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

/** nginx itself: ports from its config; STOPSIGNAL SIGQUIT makes it finish requests and exit 0. */
export function nginxDaemon(version: string, options: { reloadOnConfigChange?: boolean } = {}): DaemonSpec {
  return {
    argv: ['nginx'],
    servers: [{ port: 0, protocol: 'TCP', handler: { kind: 'nginx', version, reloadOnConfigChange: options.reloadOnConfigChange } }],
    startupSeconds: 0.1,
    onStop: { exitCode: 0, stopSeconds: 0.2 },
    startupLog: NGINX_STARTUP_LOG,
  };
}

interface NginxRelease {
  tags?: string[];
  version: string;
  env: Record<string, string>;
  sizeBytes: number;
}

function debianNginx(release: NginxRelease): ImageSpec {
  return {
    name: 'nginx',
    tags: release.tags,
    sizeBytes: release.sizeBytes,
    pullSeconds: 6.8,
    env: { PATH: DEFAULT_PATH, ...release.env },
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    files: nginxFiles(),
    // nginx:latest installs curl alongside nginx (docker-nginx Dockerfile: `apt-get install ... curl`).
    tools: [...DEBIAN_SLIM_TOOLS, 'curl', 'nginx'],
    execWrappers: ['/docker-entrypoint.sh'],
    daemons: [nginxDaemon(release.version)],
  };
}

function alpineNginx(release: NginxRelease): ImageSpec {
  return {
    name: 'nginx',
    tags: release.tags,
    sizeBytes: release.sizeBytes,
    pullSeconds: 3.1,
    env: { PATH: DEFAULT_PATH, ...release.env },
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    files: nginxFiles(),
    binDir: '/bin',
    tools: [...BUSYBOX_APPLETS, 'nginx'],
    execWrappers: ['/docker-entrypoint.sh'],
    daemons: [nginxDaemon(release.version)],
  };
}

const MAINLINE_ENV = { NGINX_VERSION: '1.27.1', NJS_VERSION: '0.8.5', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm' };

export const NGINX_IMAGES: readonly ImageSpec[] = [
  // Any tag not listed below behaves as the Debian mainline image.
  debianNginx({ version: '1.27.1', env: MAINLINE_ENV, sizeBytes: 71_027_698 }),
  debianNginx({ tags: ['latest', 'mainline', '1.27', '1.27.1', 'bookworm'], version: '1.27.1', env: MAINLINE_ENV, sizeBytes: 71_027_698 }),
  alpineNginx({
    tags: ['alpine', 'mainline-alpine', '1.27-alpine', '1.27.1-alpine'],
    version: '1.27.1',
    env: { NGINX_VERSION: '1.27.1', PKG_RELEASE: '1', DYNPKG_RELEASE: '1', NJS_VERSION: '0.8.5', NJS_RELEASE: '1' },
    sizeBytes: 20_512_145,
  }),
  alpineNginx({
    tags: ['1.18-alpine', '1.18.0-alpine', 'stable-alpine-1.18'],
    version: '1.18.0',
    env: { NGINX_VERSION: '1.18.0', NJS_VERSION: '0.4.4', PKG_RELEASE: '1' },
    sizeBytes: 9_443_104,
  }),
];
