/**
 * Which programs a base image ships. Busybox: the applets of busybox's default
 * configuration (`busybox --list` of busybox:1.36 and of Alpine's busybox);
 * Debian slim: coreutils, dash, bash, grep, sed, findutils, tar, gzip and the
 * `hostname` package, and nothing from procps, iputils, iproute2 or dnsutils.
 */

/** Applets every busybox build we model has (busybox:1.36 default config, alpine 3.x busybox). */
export const BUSYBOX_APPLETS: readonly string[] = [
  'arp', 'ash', 'awk', 'base64', 'basename', 'cat', 'chmod', 'chown', 'cp', 'cut', 'date', 'dd', 'df', 'dirname',
  'du', 'echo', 'env', 'expr', 'false', 'find', 'free', 'grep', 'gunzip', 'gzip', 'head', 'hexdump', 'hostname',
  'id', 'ifconfig', 'ip', 'kill', 'less', 'ln', 'ls', 'md5sum', 'mkdir', 'more', 'mv', 'nc', 'netstat', 'nohup',
  'nslookup', 'od', 'ping', 'ping6', 'printenv', 'printf', 'ps', 'pwd', 'rm', 'rmdir', 'route', 'sed', 'seq',
  'sh', 'sha256sum', 'sleep', 'sort', 'stat', 'tail', 'tar', 'tee', 'telnet', 'test', 'timeout', 'top', 'touch',
  'tr', 'traceroute', 'true', 'uname', 'uniq', 'uptime', 'vi', 'watch', 'wc', 'wget', 'which', 'whoami', 'xargs',
  'yes', 'zcat',
];

/** busybox's own binary also runs its applets (`busybox wget ...`); busybox:* images have the httpd applet too. */
export const BUSYBOX_IMAGE_TOOLS: readonly string[] = [...BUSYBOX_APPLETS, 'busybox', 'httpd'];

/** Debian bookworm-slim (and jessie/trusty bases): coreutils and friends, dash as sh. */
export const DEBIAN_SLIM_TOOLS: readonly string[] = [
  'awk', 'base64', 'basename', 'bash', 'cat', 'chmod', 'chown', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'du',
  'echo', 'env', 'expr', 'false', 'find', 'grep', 'gunzip', 'gzip', 'head', 'hostname', 'id', 'kill', 'ln', 'ls',
  'md5sum', 'mkdir', 'mv', 'nohup', 'od', 'printenv', 'printf', 'pwd', 'rm', 'rmdir', 'sed', 'seq', 'sh',
  'sha256sum', 'sleep', 'sort', 'stat', 'tail', 'tar', 'tee', 'test', 'timeout', 'touch', 'tr', 'true', 'uname',
  'uniq', 'wc', 'which', 'whoami', 'xargs', 'yes', 'zcat',
];

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
