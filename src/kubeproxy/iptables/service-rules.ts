/**
 * The iptables rules of one service port, as the body of syncProxyRules' loop
 * writes them (pkg/proxy/iptables/proxier.go, Kubernetes 1.31): the
 * KUBE-SERVICES / KUBE-NODEPORTS entries, the filter-table REJECT/DROP rules,
 * and the port's own KUBE-SVC / KUBE-SVL / KUBE-EXT / KUBE-FW / KUBE-SEP chains.
 */
import {
  clusterPolicyChainName,
  endpointChainName,
  externalChainName,
  firewallChainName,
  localPolicyChainName,
} from '../chain-names.ts';
import { categorizeEndpoints, usesClusterEndpoints, usesLocalEndpoints } from '../endpoint-categories.ts';
import { cidrContains, parseCidr, parseIPv4 } from '../ipv4.ts';
import { computeProbability } from '../probability.ts';
import type { EndpointInfo, ServicePortInfo } from '../proxy-state.ts';
import type { L4Protocol, Rule, RuleArg } from './rule.ts';

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_FORWARD = 'KUBE-FORWARD';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
export const KUBE_FIREWALL = 'KUBE-FIREWALL';

/** metrics.LocalhostNodePortAcceptedNFAcctCounter (pkg/proxy/metrics). */
export const LOCALHOST_NODEPORTS_NFACCT = 'localhost_nps_accepted_pkts';
/** metrics.IPTablesCTStateInvalidDroppedNFAcctCounter. */
export const INVALID_DROPPED_NFACCT = 'ct_state_invalid_dropped_pkts';

/** The proxier settings that shape a service port's rules. */
export interface ServiceRuleOptions {
  /** detect-local-mode ClusterCIDR: the cluster pod range, "10.244.0.0/16" on kind. */
  clusterCIDR: string;
  masqueradeAll: boolean;
  localhostNodePorts: boolean;
  nfacctCounters: boolean;
  /** The node's primary IP, for loadBalancerSourceRanges' allowFromNode. */
  nodeIP: string;
  /** More than 1000 endpoints in total: endpoint comments are left out (largeClusterEndpointsThreshold). */
  largeClusterMode: boolean;
}

export interface ServicePortRules {
  /** nat KUBE-SERVICES rules of this port (cluster IP, external IPs, LB IPs). */
  natServices: Rule[];
  /** nat KUBE-NODEPORTS rules. */
  natNodePorts: Rule[];
  /** filter-table rules, each naming its chain (KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS, KUBE-PROXY-FIREWALL). */
  filter: Rule[];
  /** The port's own nat chains, in the order kube-proxy writes them. */
  natChains: { name: string; rules: Rule[] }[];
}

const comment = (text: string): RuleArg => ({ k: 'comment', text });

/** Renders all rules of one service port. */
export function buildServicePortRules(svc: ServicePortInfo, options: ServiceRuleOptions): ServicePortRules {
  const protocol = svc.protocol.toLowerCase() as L4Protocol;
  const name = svc.servicePortName;
  const proto: RuleArg = { k: 'proto', p: protocol, module: true };
  const result: ServicePortRules = { natServices: [], natNodePorts: [], filter: [], natChains: [] };

  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } = categorizeEndpoints(svc);
  const clusterPolicyChain = clusterPolicyChainName(name, protocol);
  const localPolicyChain = localPolicyChainName(name, protocol);
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && usesClusterEndpoints(svc);
  const usesLocalPolicyChain = localEndpoints.length > 0 && usesLocalEndpoints(svc);

  let internalTrafficChain = clusterPolicyChain;
  let hasInternalEndpoints = hasEndpoints;
  if (svc.internalPolicyLocal) {
    internalTrafficChain = localPolicyChain;
    if (localEndpoints.length === 0) hasInternalEndpoints = false;
  }
  let externalPolicyChain = clusterPolicyChain;
  let hasExternalEndpoints = hasEndpoints;
  if (svc.externalPolicyLocal) {
    externalPolicyChain = localPolicyChain;
    if (localEndpoints.length === 0) hasExternalEndpoints = false;
  }
  const externalTrafficChain = externalChainName(name, protocol);
  const usesExternalTrafficChain = hasEndpoints && svc.externallyAccessible;
  const fwChain = firewallChainName(name, protocol);
  const usesFWChain = hasEndpoints && svc.loadBalancerVIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
  const loadBalancerTrafficChain = usesFWChain ? fwChain : externalTrafficChain;

  let internalFilterTarget: 'REJECT' | 'DROP' = 'REJECT';
  let internalFilterComment = '';
  let externalFilterTarget: 'REJECT' | 'DROP' = 'REJECT';
  let externalFilterComment = '';
  if (!hasEndpoints) {
    internalFilterComment = externalFilterComment = `${name} has no endpoints`;
  } else {
    if (!hasInternalEndpoints) {
      internalFilterTarget = 'DROP';
      internalFilterComment = `${name} has no local endpoints`;
    }
    if (!hasExternalEndpoints) {
      externalFilterTarget = 'DROP';
      externalFilterComment = `${name} has no local endpoints`;
    }
  }

  const dport: RuleArg = { k: 'dport', port: svc.port };
  // Capture the clusterIP.
  if (hasInternalEndpoints) {
    result.natServices.push({
      chain: KUBE_SERVICES,
      args: [comment(`${name} cluster IP`), proto, { k: 'dst', addr: svc.clusterIP }, dport],
      target: { k: 'jump', chain: internalTrafficChain },
    });
  } else {
    result.filter.push({
      chain: KUBE_SERVICES,
      args: [comment(internalFilterComment), proto, { k: 'dst', addr: svc.clusterIP }, dport],
      target: { k: internalFilterTarget },
    });
  }

  // Capture externalIPs.
  for (const externalIP of svc.externalIPs) {
    if (hasEndpoints) {
      result.natServices.push({
        chain: KUBE_SERVICES,
        args: [comment(`${name} external IP`), proto, { k: 'dst', addr: externalIP }, dport],
        target: { k: 'jump', chain: externalTrafficChain },
      });
    }
    if (!hasExternalEndpoints) {
      result.filter.push({
        chain: KUBE_EXTERNAL_SERVICES,
        args: [comment(externalFilterComment), proto, { k: 'dst', addr: externalIP }, dport],
        target: { k: externalFilterTarget },
      });
    }
  }

  // Capture load-balancer ingress.
  for (const lbip of svc.loadBalancerVIPs) {
    if (hasEndpoints) {
      result.natServices.push({
        chain: KUBE_SERVICES,
        args: [comment(`${name} loadbalancer IP`), proto, { k: 'dst', addr: lbip }, dport],
        target: { k: 'jump', chain: loadBalancerTrafficChain },
      });
    }
    if (usesFWChain) {
      result.filter.push({
        chain: KUBE_PROXY_FIREWALL,
        args: [comment(`${name} traffic not accepted by ${fwChain}`), proto, { k: 'dst', addr: lbip }, dport],
        target: { k: 'DROP' },
      });
    }
  }
  if (!hasExternalEndpoints) {
    for (const lbip of svc.loadBalancerVIPs) {
      result.filter.push({
        chain: KUBE_EXTERNAL_SERVICES,
        args: [comment(externalFilterComment), proto, { k: 'dst', addr: lbip }, dport],
        target: { k: externalFilterTarget },
      });
    }
  }

  // Capture nodeports.
  if (svc.nodePort !== 0) {
    const nodePort: RuleArg = { k: 'dport', port: svc.nodePort };
    if (hasEndpoints) {
      if (options.localhostNodePorts && options.nfacctCounters) {
        result.natNodePorts.push({
          chain: KUBE_NODEPORTS,
          args: [comment(name), proto, { k: 'dst', addr: '127.0.0.0/8' }, nodePort, { k: 'nfacct', name: LOCALHOST_NODEPORTS_NFACCT }],
          target: { k: 'jump', chain: externalTrafficChain },
        });
      }
      result.natNodePorts.push({ chain: KUBE_NODEPORTS, args: [comment(name), proto, nodePort], target: { k: 'jump', chain: externalTrafficChain } });
    }
    if (!hasExternalEndpoints) {
      result.filter.push({
        chain: KUBE_EXTERNAL_SERVICES,
        args: [comment(externalFilterComment), { k: 'addrtype', dir: 'dst', type: 'LOCAL' }, proto, nodePort],
        target: { k: externalFilterTarget },
      });
    }
  }

  // Capture healthCheckNodePorts.
  if (svc.healthCheckNodePort !== 0) {
    result.filter.push({
      chain: KUBE_NODEPORTS,
      args: [comment(`${name} health check node port`), { k: 'proto', p: 'tcp', module: true }, { k: 'dport', port: svc.healthCheckNodePort }],
      target: { k: 'ACCEPT' },
    });
  }

  // Internal traffic handling: masquerade off-cluster traffic to the cluster IP.
  if (hasInternalEndpoints) {
    const args: RuleArg[] = [comment(`${name} cluster IP`), proto, { k: 'dst', addr: svc.clusterIP }, dport];
    if (options.masqueradeAll) pushRule(result, internalTrafficChain, { chain: internalTrafficChain, args, target: { k: 'jump', chain: 'KUBE-MARK-MASQ' } });
    else
      pushRule(result, internalTrafficChain, {
        chain: internalTrafficChain,
        args: [...args, { k: 'src', addr: options.clusterCIDR, neg: true }],
        target: { k: 'jump', chain: KUBE_MARK_MASQ },
      });
  }

  // External traffic handling.
  if (usesExternalTrafficChain) {
    const ext = chainOf(result, externalTrafficChain);
    if (!svc.externalPolicyLocal) {
      ext.push({ chain: externalTrafficChain, args: [comment(`masquerade traffic for ${name} external destinations`)], target: { k: 'jump', chain: KUBE_MARK_MASQ } });
    } else {
      ext.push({
        chain: externalTrafficChain,
        args: [comment(`pod traffic for ${name} external destinations`), { k: 'src', addr: options.clusterCIDR }],
        target: { k: 'jump', chain: clusterPolicyChain },
      });
      ext.push({
        chain: externalTrafficChain,
        args: [comment(`masquerade LOCAL traffic for ${name} external destinations`), { k: 'addrtype', dir: 'src', type: 'LOCAL' }],
        target: { k: 'jump', chain: KUBE_MARK_MASQ },
      });
      ext.push({
        chain: externalTrafficChain,
        args: [comment(`route LOCAL traffic for ${name} external destinations`), { k: 'addrtype', dir: 'src', type: 'LOCAL' }],
        target: { k: 'jump', chain: clusterPolicyChain },
      });
    }
    if (hasExternalEndpoints) ext.push({ chain: externalTrafficChain, args: [], target: { k: 'jump', chain: externalPolicyChain } });
  }

  // Firewall chain for loadBalancerSourceRanges.
  if (usesFWChain) {
    const fw = chainOf(result, fwChain);
    const lbComment = comment(`${name} loadbalancer IP`);
    let allowFromNode = false;
    const nodeIP = parseIPv4(options.nodeIP);
    for (const range of svc.loadBalancerSourceRanges) {
      const cidr = parseCidr(range)!;
      fw.push({ chain: fwChain, args: [lbComment, { k: 'src', addr: range }], target: { k: 'jump', chain: externalTrafficChain } });
      if (nodeIP !== undefined && cidrContains(cidr, nodeIP)) allowFromNode = true;
    }
    if (allowFromNode) {
      for (const lbip of svc.loadBalancerVIPs) fw.push({ chain: fwChain, args: [lbComment, { k: 'src', addr: lbip }], target: { k: 'jump', chain: externalTrafficChain } });
    }
    fw.push({ chain: fwChain, args: [comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)] });
  }

  if (usesClusterPolicyChain) writeServiceToEndpointRules(result, svc, clusterPolicyChain, clusterEndpoints, options);
  if (usesLocalPolicyChain) writeServiceToEndpointRules(result, svc, localPolicyChain, localEndpoints, options);

  // Per-endpoint chains.
  for (const ep of allReachableEndpoints) {
    const sep = endpointChainName(name, protocol, ep.endpoint);
    const rules = chainOf(result, sep);
    const head: RuleArg[] = options.largeClusterMode ? [] : [comment(name)];
    rules.push({ chain: sep, args: [...head, { k: 'src', addr: ep.ip }], target: { k: 'jump', chain: KUBE_MARK_MASQ } });
    const dnatArgs: RuleArg[] = [...head];
    if (svc.sessionAffinityClientIP) dnatArgs.push({ k: 'recent', name: sep });
    dnatArgs.push(proto);
    rules.push({ chain: sep, args: dnatArgs, target: { k: 'DNAT', to: ep.endpoint } });
  }
  return result;
}

function chainOf(result: ServicePortRules, name: string): Rule[] {
  let chain = result.natChains.find((c) => c.name === name);
  if (!chain) result.natChains.push((chain = { name, rules: [] }));
  return chain.rules;
}

function pushRule(result: ServicePortRules, chain: string, rule: Rule): void {
  chainOf(result, chain).push(rule);
}

/** proxier.go writeServiceToEndpointRules: affinity checks first, then the probability ladder. */
function writeServiceToEndpointRules(result: ServicePortRules, svc: ServicePortInfo, svcChain: string, endpoints: EndpointInfo[], options: ServiceRuleOptions): void {
  const protocol = svc.protocol.toLowerCase();
  const rules = chainOf(result, svcChain);
  const commentOf = (ep: EndpointInfo): RuleArg[] => (options.largeClusterMode ? [] : [comment(`${svc.servicePortName} -> ${ep.endpoint}`)]);
  if (svc.sessionAffinityClientIP) {
    for (const ep of endpoints) {
      const sep = endpointChainName(svc.servicePortName, protocol, ep.endpoint);
      rules.push({ chain: svcChain, args: [...commentOf(ep), { k: 'recent', name: sep, rcheckSeconds: svc.stickyMaxAgeSeconds }], target: { k: 'jump', chain: sep } });
    }
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    const sep = endpointChainName(svc.servicePortName, protocol, ep.endpoint);
    const args = commentOf(ep);
    if (i < n - 1) args.push({ k: 'statistic', probability: computeProbability(n - i) });
    rules.push({ chain: svcChain, args, target: { k: 'jump', chain: sep } });
  });
}
