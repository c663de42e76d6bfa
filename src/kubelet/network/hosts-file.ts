/**
 * The kubelet-managed /etc/hosts (pkg/kubelet/kubelet_pods.go
 * managedHostsFileContent, hostsEntriesFromHostAliases) and the pod's
 * hostname and domain (GeneratePodHostNameAndDomain).
 */
import type { Pod } from '../../api/core.ts';

export interface HostAlias {
  ip: string;
  hostnames: string[];
}

/** Pod hostname (spec.hostname or the name, cut to 63 characters) and domain (`<subdomain>.<ns>.svc.<cluster domain>`). */
export function podHostnameAndDomain(pod: Pod, clusterDomain: string): { hostname: string; domain: string } {
  let hostname = pod.spec.hostname || pod.metadata.name || '';
  if (hostname.length > 63) hostname = hostname.slice(0, 63).replace(/[-.]+$/, '');
  const domain = pod.spec.subdomain ? `${pod.spec.subdomain}.${pod.metadata.namespace ?? 'default'}.svc.${clusterDomain}` : '';
  return { hostname, domain };
}

/** /etc/hosts of a pod on the pod network. */
export function managedHostsFile(podIPs: string[], hostname: string, domain: string, aliases: HostAlias[] = []): string {
  let out = '# Kubernetes-managed hosts file.\n';
  out += '127.0.0.1\tlocalhost\n';
  out += '::1\tlocalhost ip6-localhost ip6-loopback\n';
  out += 'fe00::0\tip6-localnet\n';
  out += 'fe00::0\tip6-mcastprefix\n';
  out += 'fe00::1\tip6-allnodes\n';
  out += 'fe00::2\tip6-allrouters\n';
  for (const ip of podIPs) out += domain ? `${ip}\t${hostname}.${domain}\t${hostname}\n` : `${ip}\t${hostname}\n`;
  out += hostAliasEntries(aliases);
  return out;
}

/** /etc/hosts of a hostNetwork pod: the node's file under its own header. */
export function hostNetworkHostsFile(nodeHostsFile: string, aliases: HostAlias[] = []): string {
  return `# Kubernetes-managed hosts file (host network).\n${nodeHostsFile}${hostAliasEntries(aliases)}`;
}

function hostAliasEntries(aliases: HostAlias[]): string {
  if (aliases.length === 0) return '';
  let out = '\n# Entries added by HostAliases.\n';
  for (const alias of aliases) out += `${alias.ip}\t${alias.hostnames.join('\t')}\n`;
  return out;
}
