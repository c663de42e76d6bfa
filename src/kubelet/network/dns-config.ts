/**
 * A pod's /etc/resolv.conf (pkg/kubelet/network/dns/dns.go GetPodDNS, and
 * containerd's parseDNSOptions which writes the file: `search`, then one
 * `nameserver` line each, then `options`; FIDELITY §6).
 */
import type { Pod } from '../../api/core.ts';

/** What the kubelet is configured with (kubelet --cluster-dns, --cluster-domain, --resolv-conf). */
export interface ClusterDNSSettings {
  /** kube-dns's ClusterIP: 10.96.0.10 on kind. */
  clusterDNS: string[];
  clusterDomain: string;
  /** The node's own resolv.conf, the base for dnsPolicy Default and the tail of ClusterFirst's search list. */
  hostResolvConf: ResolverConfig;
}

export interface ResolverConfig {
  nameservers: string[];
  searches: string[];
  options: string[];
}

/**
 * A kind node's /etc/resolv.conf as Docker writes it on the `kind` network
 * after kind's entrypoint replaced the embedded 127.0.0.11 with the network
 * gateway (UNCONFIRMED: Docker copies the host's search domains, none here).
 */
export const KIND_NODE_RESOLV_CONF: ResolverConfig = { nameservers: ['172.18.0.1'], searches: [], options: ['edns0', 'trust-ad', 'ndots:0'] };

/** kind / kubeadm defaults: kube-dns at 10.96.0.10, cluster.local. */
export const KIND_DNS_SETTINGS: ClusterDNSSettings = { clusterDNS: ['10.96.0.10'], clusterDomain: 'cluster.local', hostResolvConf: KIND_NODE_RESOLV_CONF };

// pkg/apis/core/validation: MaxDNSNameservers, MaxDNSSearchPathsExpanded, MaxDNSSearchListCharsExpanded (ExpandedDNSConfig is GA in 1.28).
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The resolver configuration the runtime gets for `pod`. */
export function podResolverConfig(pod: Pod, settings: ClusterDNSSettings): ResolverConfig {
  const host = settings.hostResolvConf;
  let config: ResolverConfig = { nameservers: [...host.nameservers], searches: [...host.searches], options: [...host.options] };
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  const clusterFirst = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec.hostNetwork);
  if (policy === 'None') {
    config = { nameservers: [], searches: [], options: [] };
  } else if (clusterFirst && settings.clusterDNS.length > 0) {
    const ns = pod.metadata.namespace ?? 'default';
    const domain = settings.clusterDomain;
    config = {
      nameservers: [...settings.clusterDNS],
      searches: domain ? unique([`${ns}.svc.${domain}`, `svc.${domain}`, domain, ...host.searches]) : host.searches,
      options: ['ndots:5'],
    };
  }
  const extra = pod.spec.dnsConfig;
  if (extra) {
    config.nameservers = unique([...config.nameservers, ...(extra.nameservers ?? [])]);
    config.searches = unique([...config.searches, ...(extra.searches ?? [])]);
    // mergeDNSOptions: pod options overwrite by name (the kubelet ranges over a Go map; we keep first-seen order).
    const options = new Map<string, string>();
    for (const option of config.options) {
      const colon = option.indexOf(':');
      options.set(colon < 0 ? option : option.slice(0, colon), colon < 0 ? '' : option.slice(colon + 1));
    }
    for (const option of extra.options ?? []) options.set(option.name, option.value ?? '');
    config.options = [...options].map(([name, value]) => (value === '' ? name : `${name}:${value}`));
  }
  config.nameservers = config.nameservers.slice(0, MAX_NAMESERVERS);
  config.searches = fitSearches(config.searches);
  return config;
}

function fitSearches(searches: string[]): string[] {
  let out = searches.slice(0, MAX_SEARCH_PATHS).filter((s) => s.length <= 253);
  while (out.join(' ').length > MAX_SEARCH_CHARS) out = out.slice(0, -1);
  return out;
}

/** The file containerd writes from a resolver configuration. */
export function renderResolvConf(config: ResolverConfig): string {
  let out = '';
  if (config.searches.length > 0) out += `search ${config.searches.join(' ')}\n`;
  for (const server of config.nameservers) out += `nameserver ${server}\n`;
  if (config.options.length > 0) out += `options ${config.options.join(' ')}\n`;
  return out;
}
