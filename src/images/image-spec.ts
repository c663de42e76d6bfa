/**
 * A container image as data (kwok's "Stages" idea, STYLE.md): what it carries
 * (files, environment, programs), what its main process does (listens, exits,
 * how it takes SIGTERM) and what pulling it costs. The kubelet and the network
 * read these; nothing else knows about nginx or kubia.
 */

/** What one server of a running container answers. */
export type HandlerSpec =
  /** nginx: servers, roots and TLS read from /etc/nginx/nginx.conf and its includes when the process starts. */
  | { kind: 'nginx'; version: string; reloadOnConfigChange?: boolean }
  /** Apache httpd serving its document root (`It works!`). */
  | { kind: 'httpd'; root: string; version: string }
  /** luksa/kubia: `You've hit <hostname>\n` for any request. */
  | { kind: 'kubia'; body?: 'hostname' | 'hostname-v2' }
  /** agnhost netexec: `/clientip` answers the client's `ip:port`, `/hostname` the pod name. */
  | { kind: 'netexec' }
  /** A plain static file server (busybox httpd). */
  | { kind: 'static'; root: string; index: string[] }
  /** A DNS server (CoreDNS): the network layer answers it. */
  | { kind: 'dns' }
  /** The ingress-nginx controller: the ingress layer answers it. */
  | { kind: 'ingress-nginx' }
  /** A fixed answer for every path: health endpoints (`ok`, `OK`) of system pods. */
  | { kind: 'text'; status: number; body: string }
  /** registry.k8s.io/echoserver: prints the request it got, client address included. */
  | { kind: 'echoserver' }
  /** Accepts TCP connections and speaks no HTTP (metrics ports, webhooks). */
  | { kind: 'tcp' };

/** A port the main process listens on. For `nginx`, ports come from its configuration instead. */
export interface ServerSpec {
  port: number;
  protocol: 'TCP' | 'UDP';
  handler: HandlerSpec;
  /** HTTPS with the certificate the handler's configuration names. */
  tls?: boolean;
}

/** How the main process of a container behaves when it is the image's own process. */
export interface DaemonSpec {
  /** Matches when the container's argv (after wrapper scripts) starts with these, by basename for argv[0]. */
  argv: string[];
  /** Servers it opens; for handler `nginx`, ports are read from its config. */
  servers: ServerSpec[];
  /** Seconds from start until it listens. */
  startupSeconds: number;
  /** On SIGTERM (or the image's STOPSIGNAL): exits with this code after `stopSeconds`, or ignores it (PID 1 without a handler) and is SIGKILLed at the end of the grace period. */
  onStop: { exitCode: number; stopSeconds: number } | 'ignored';
  /** Lines the process writes to stdout at start (`kubectl logs`). */
  startupLog?: string[];
  /** A flag that moves the first server's port, e.g. agnhost's `--http-port`. */
  portFlag?: string;
}

export interface ImageSpec {
  /** Repository in any form `parseImageReference` accepts: `nginx`, `luksa/kubia`, `registry.k8s.io/coredns/coredns`. */
  name: string;
  /** Tags this spec describes; undefined: every tag without a more specific spec. */
  tags?: string[];
  /** Compressed size the kubelet reports in the Pulled event. */
  sizeBytes: number;
  /** Seconds a first pull takes on a kind node; a repeat pull of a present image takes a fraction. */
  pullSeconds: number;
  /** kind loads these into its nodes: present before any pull. */
  preloaded?: boolean;
  /** The image config's Env, in Dockerfile order. */
  env: Record<string, string>;
  entrypoint?: string[];
  cmd?: string[];
  workingDir?: string;
  /** User the process runs as; HOME defaults from it (runc sets HOME when the environment lacks it). */
  user?: { name: string; home: string };
  /** Files of the image: absolute path to content. */
  files: Record<string, string>;
  /** Directory the image's programs live in (shown by `ls`); `/usr/bin` unless set. */
  binDir?: string;
  /** Programs present in the image, by name. Only these can be run by exec, probes or `sh -c`. */
  tools: readonly string[];
  /** Wrapper scripts that exec their arguments (`/docker-entrypoint.sh`): skipped to find the daemon. */
  execWrappers?: string[];
  /** Long-running processes this image provides. */
  daemons: DaemonSpec[];
}

/** An image found in the catalog for one reference: the spec and the identity containerd reports. */
export interface ResolvedImage {
  spec: ImageSpec;
  /** `docker.io/library/nginx:latest`. */
  normalized: string;
  /** `docker.io/library/nginx@sha256:<64 hex>`: the container status's imageID. */
  imageID: string;
}
