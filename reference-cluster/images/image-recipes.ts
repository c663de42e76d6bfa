/**
 * The pod images of the reference cluster, as data: which references the
 * features use, which root file system each starts from, and what stands in
 * for the image's own programs. Everything else an image is (environment,
 * entrypoint, command, working directory, files, the programs it has) comes
 * from the memory cluster's catalog (src/images/catalog/), so both backends
 * run the same image description.
 *
 * Images are cut from packages of this machine's Debian: real nginx, Apache,
 * node, curl, bind's dig and busybox, not the registry builds (no registry is
 * reachable). Where the registry image is Alpine or busybox based, its
 * programs are busybox applets, as in the original.
 */
import { nginxDaemon } from '../../src/images/catalog/nginx.ts';

/** A file an image adds on top of its base; scripts (`#!`) are made executable. */
export interface RecipeFile {
  content: string;
  mode?: number;
}

export interface ImageRecipe {
  /** References as pods write them; each is imported under its normalized name (`docker.io/library/nginx:latest`). */
  references: string[];
  /** The catalog entry (a reference `ImageCatalog.lookup` finds) whose config and files the image takes. */
  catalogReference: string;
  /**
   * Root file system below the image's own layer: Debian, a busybox image's,
   * or distroless/static's (no shell, no package manager: distroless-base.ts).
   */
  base: 'debian' | 'busybox' | 'distroless';
  /** Where the catalog's programs come from: the base's packages, or busybox applets (Alpine and busybox images). */
  programs: 'base' | 'busybox';
  /** Files beyond the catalog's, or replacing a catalog file whose real content matters to a real process. */
  files?: Record<string, RecipeFile>;
  /** Programs the stand-ins run that the original image lacks: kept, not whited out. */
  keepPrograms?: string[];
  /** Symbolic links the image adds: path to target. */
  links?: Record<string, string>;
  /** Lines added to /etc/passwd and /etc/group (users the image's daemons switch to). */
  users?: { passwd: string; group: string }[];
  /** The image config's StopSignal (nginx: SIGQUIT, httpd: SIGWINCH). */
  stopSignal?: string;
  /** Programs the reference cluster builds (its bin dir) that the image carries: image path → binary. */
  binaries?: Record<string, RecipeBinary>;
  /** The image config's User, where the original sets one the catalog does not model. */
  user?: string;
}

/** A built program in an image, with the shared libraries it links (image-binaries.ts). */
export interface RecipeBinary {
  /** Its name in the reference cluster's bin dir (build/build-binaries.ts). */
  from: string;
  /** File capabilities as setcap writes them (`cap_net_bind_service=+ep`). */
  capabilities?: string;
}

/** The nginx image's user (docker-nginx Dockerfile: `adduser --system ... --uid 101 nginx`). */
const NGINX_USER = { passwd: 'nginx:x:101:101:nginx user:/nonexistent:/usr/sbin/nologin', group: 'nginx:x:101:' };

/**
 * docker-nginx's entrypoint runs /docker-entrypoint.d/*.sh and announces each
 * step before exec'ing nginx; ours prints the lines the catalog records
 * (`startupLog`) and execs its arguments.
 */
export function nginxEntrypoint(startupLog: readonly string[]): RecipeFile {
  const lines = startupLog.join('\n');
  return {
    content: `#!/bin/sh\n# Stands in for docker-nginx's docker-entrypoint.sh: same announcements, then exec.\nset -e\nif [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then\n  cat <<'EOF'\n${lines}\nEOF\nfi\nexec "$@"\n`,
  };
}

/** nginx logs to the container's stdout and stderr (docker-nginx links its log files there). */
const NGINX_LOG_LINKS = { '/var/log/nginx/access.log': '/dev/stdout', '/var/log/nginx/error.log': '/dev/stderr' };

/**
 * The httpd image's `httpd-foreground` runs Apache in the foreground; ours runs
 * Debian's apache2 with Debian's environment file, serving the catalog's htdocs.
 */
const HTTPD_FOREGROUND: RecipeFile = {
  content: `#!/bin/sh\n# Stands in for the httpd image's httpd-foreground (Debian's apache2 instead of a source build).\nset -e\n. /etc/apache2/envvars\n# /run is the image's own under the CRI plugin but a fresh tmpfs under ctr: /var/lock points into it.\nmkdir -p /run/lock\nmkdir -p "$APACHE_RUN_DIR" "$APACHE_LOCK_DIR" "$APACHE_LOG_DIR"\nrm -f "$APACHE_PID_FILE"\nexec /usr/sbin/apache2 -DFOREGROUND "$@"\n`,
};

/** Apache as the httpd image configures it: document root htdocs, logs on the container's stdout/stderr. */
const HTTPD_SITE: RecipeFile = {
  content: `# The httpd image's layout on Debian's apache2.\n<VirtualHost *:80>\n    DocumentRoot /usr/local/apache2/htdocs\n    ErrorLog /proc/self/fd/2\n    CustomLog /proc/self/fd/1 common\n</VirtualHost>\n<Directory /usr/local/apache2/htdocs>\n    Require all granted\n</Directory>\n`,
};

/**
 * agnhost's `netexec` (test/images/agnhost/netexec/netexec.go) for the
 * endpoints the catalog models (/clientip, /hostname, /echo, /healthz), its
 * UDP server (--udp-port, default 8081: hostname, echo, clientip), and
 * `pause`; run by Debian's node.
 */
const AGNHOST: RecipeFile = {
  content: `#!/usr/bin/nodejs
// Stands in for agnhost (netexec and pause only), following src/images/servers/simple-handlers.ts.
const dgram = require('dgram');
const http = require('http');
const os = require('os');
const [command, ...rest] = process.argv.slice(2);
if (command === 'pause') {
  console.log('Paused');
  const stop = () => process.exit(0);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => {}, 1 << 30);
} else if (command === 'netexec') {
  let port = 8080;
  let udpPort = 8081;
  for (const arg of rest) {
    const m = /^--http-port=(\\d+)$/.exec(arg);
    if (m) port = Number(m[1]);
    const u = /^--udp-port=(-?\\d+)$/.exec(arg);
    if (u) udpPort = Number(u[1]);
  }
  if (udpPort !== -1) {
    const udp = dgram.createSocket('udp4');
    udp.on('message', (msg, rinfo) => {
      const text = msg.toString().trim().toLowerCase();
      const reply = text === 'hostname' ? os.hostname() : text.startsWith('echo ') ? text.slice(5) : text === 'clientip' ? rinfo.address + ':' + rinfo.port : undefined;
      if (reply !== undefined) udp.send(reply, rinfo.port, rinfo.address);
    });
    udp.bind(udpPort, () => console.log('Started UDP server on port  ' + udpPort));
  }
  const started = Date.now();
  http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const text = (body) => { res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }); res.end(body); };
    switch (url.pathname) {
      case '/clientip': return text(req.socket.remoteAddress.replace(/^::ffff:/, '') + ':' + req.socket.remotePort);
      case '/hostname': return text(os.hostname());
      case '/echo': return text(url.searchParams.get('msg') ?? '');
      case '/healthz': return text('');
      case '/header': return text(req.headers[(url.searchParams.get('key') ?? '').toLowerCase()] ?? '');
      default: return text('NOW: ' + new Date().toISOString() + ' m=+' + ((Date.now() - started) / 1000).toFixed(9));
    }
  }).listen(port, () => console.log('Started HTTP server on port ' + port));
  process.on('SIGTERM', () => process.exit(2));
} else {
  console.error('agnhost stand-in: only netexec and pause');
  process.exit(1);
}
`,
};

/**
 * kind's local-path-provisioner watches PersistentVolumeClaims and makes
 * hostPath volumes with a helper pod. The stand-in only stays up (and stops
 * on SIGTERM), so the pod is Running as on kind; claims of the `standard`
 * class stay Pending here.
 */
const LOCAL_PATH_PROVISIONER: RecipeFile = {
  content: `#!/bin/sh\n# Stands in for local-path-provisioner: stays up, provisions nothing.\ntrap 'exit 0' TERM INT\nwhile :; do\n  sleep 3600 &\n  wait $!\ndone\n`,
};

const NGINX_ENTRYPOINT = { '/docker-entrypoint.sh': nginxEntrypoint(nginxDaemon('1.27.1').startupLog ?? []) };

export const POD_IMAGE_RECIPES: readonly ImageRecipe[] = [
  {
    references: ['nginx:latest', 'nginx:1.27.1'],
    catalogReference: 'nginx:latest',
    base: 'debian',
    programs: 'base',
    files: NGINX_ENTRYPOINT,
    links: NGINX_LOG_LINKS,
    users: [NGINX_USER],
    stopSignal: 'SIGQUIT',
  },
  {
    references: ['nginx:1.18-alpine'],
    catalogReference: 'nginx:1.18-alpine',
    base: 'debian',
    programs: 'busybox',
    files: NGINX_ENTRYPOINT,
    links: NGINX_LOG_LINKS,
    users: [NGINX_USER],
    stopSignal: 'SIGQUIT',
  },
  {
    references: ['bprashanth/nginxhttps:1.0'],
    catalogReference: 'bprashanth/nginxhttps:1.0',
    base: 'debian',
    programs: 'base',
    links: NGINX_LOG_LINKS,
    users: [NGINX_USER],
  },
  { references: ['busybox:latest', 'busybox:1.36'], catalogReference: 'busybox', base: 'busybox', programs: 'busybox' },
  { references: ['radial/busyboxplus:curl'], catalogReference: 'radial/busyboxplus:curl', base: 'debian', programs: 'busybox' },
  { references: ['luksa/kubia:latest', 'luksa/kubia:v1'], catalogReference: 'luksa/kubia:latest', base: 'debian', programs: 'base' },
  {
    references: ['httpd:latest', 'httpd:2.4'],
    catalogReference: 'httpd:latest',
    base: 'debian',
    programs: 'base',
    files: {
      '/usr/local/apache2/bin/httpd-foreground': HTTPD_FOREGROUND,
      '/etc/apache2/sites-enabled/000-default.conf': HTTPD_SITE,
    },
    links: { '/usr/local/apache2/bin/httpd': '/usr/sbin/apache2' },
    stopSignal: 'SIGWINCH',
  },
  { references: ['tutum/dnsutils:latest'], catalogReference: 'tutum/dnsutils', base: 'debian', programs: 'base' },
  {
    references: ['registry.k8s.io/e2e-test-images/agnhost:2.39', 'registry.k8s.io/e2e-test-images/agnhost:2.52'],
    catalogReference: 'registry.k8s.io/e2e-test-images/agnhost:2.39',
    base: 'debian',
    programs: 'base',
    files: { '/agnhost': AGNHOST },
    keepPrograms: ['node', 'nodejs'],
  },
  {
    // CoreDNS's Dockerfile (v1.11): distroless/static:nonroot, /coredns with
    // cap_net_bind_service=+ep so the nonroot user binds port 53, USER nonroot:nonroot.
    references: ['registry.k8s.io/coredns/coredns:v1.11.3'],
    catalogReference: 'registry.k8s.io/coredns/coredns',
    base: 'distroless',
    programs: 'base',
    binaries: { '/coredns': { from: 'coredns', capabilities: 'cap_net_bind_service=+ep' } },
    user: 'nonroot:nonroot',
  },
  {
    references: ['docker.io/kindest/local-path-provisioner:v20240813-c6f155d6'],
    catalogReference: 'docker.io/kindest/local-path-provisioner',
    base: 'busybox',
    programs: 'busybox',
    files: { '/usr/bin/local-path-provisioner': LOCAL_PATH_PROVISIONER },
  },
];

/**
 * Programs busybox images have whose applet Debian's busybox-static build
 * leaves out (its `--list` lacks printenv and nohup): small shell stand-ins.
 */
export const APPLET_STAND_INS: Readonly<Record<string, RecipeFile>> = {
  printenv: {
    content: `#!/bin/sh\n# printenv: Debian's busybox-static has no such applet.\nif [ $# -eq 0 ]; then exec env; fi\nstatus=0\nfor name in "$@"; do\n  if env | grep -q "^$name="; then env | sed -n "s/^$name=//p"; else status=1; fi\ndone\nexit $status\n`,
  },
  nohup: { content: `#!/bin/sh\n# nohup: Debian's busybox-static has no such applet.\ntrap '' HUP\nexec "$@"\n` },
};

/** The sandbox image the kubelet 1.31 asks containerd for (kind v0.24's node image holds the same). */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';
