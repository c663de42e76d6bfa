/**
 * The https-nginx example image of kubernetes/examples (staging/https-nginx,
 * seed 000's bprashanth/nginxhttps:1.0 and its successor ymqytw/nginxhttps):
 * nginx plus auto-reload-nginx.sh, which watches /etc/nginx/conf.d and the
 * certificates with inotifywait and reloads nginx when they change.
 */
import type { ImageSpec } from '../image-spec.ts';
import { nginxDaemon, NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_MIME_TYPES, NGINX_WELCOME_PAGE } from './nginx.ts';
import { DEBIAN_SLIM_TOOLS, DEFAULT_PATH } from './tool-sets.ts';

function httpsNginx(name: string, nginxVersion: string): ImageSpec {
  const daemon = { ...nginxDaemon(nginxVersion, { reloadOnConfigChange: true }), argv: ['auto-reload-nginx.sh'] };
  return {
    name,
    sizeBytes: 72_604_821,
    pullSeconds: 7.2,
    env: { PATH: DEFAULT_PATH, NGINX_VERSION: nginxVersion },
    cmd: ['./auto-reload-nginx.sh'],
    workingDir: '/home',
    files: {
      '/usr/share/nginx/html/index.html': NGINX_WELCOME_PAGE,
      '/usr/share/nginx/html/index2.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Nginx reloaded!</title>\n</head>\n<body>\n<h1>Nginx has been reloaded!</h1>\n</body>\n</html>\n',
      '/etc/nginx/nginx.conf': NGINX_CONF,
      '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
      '/etc/nginx/mime.types': NGINX_MIME_TYPES,
      '/home/auto-reload-nginx.sh': '#!/bin/sh\nnginx "$@"\noldcksum=`cksum /etc/nginx/conf.d/default.conf`\n\ninotifywait -e modify,move,create,delete -mr --timefmt \'%d/%m/%y %H:%M\' --format \'%T\' \\\n/etc/nginx/conf.d/ | while read date time; do\n\n\tnewcksum=`cksum /etc/nginx/conf.d/default.conf`\n\tif [ "$newcksum" != "$oldcksum" ]; then\n\t\techo "At ${time} on ${date}, config file update detected."\n\t\toldcksum=$newcksum\n\t\tnginx -s reload\n\tfi\n\ndone\n',
    },
    tools: [...DEBIAN_SLIM_TOOLS, 'curl', 'nginx', 'inotifywait', 'auto-reload-nginx.sh'],
    daemons: [daemon],
  };
}

export const HTTPS_NGINX_IMAGES: readonly ImageSpec[] = [httpsNginx('bprashanth/nginxhttps', '1.9.15'), httpsNginx('ymqytw/nginxhttps', '1.11.8')];
