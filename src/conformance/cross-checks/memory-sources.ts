/**
 * Where in src/ the memory backend makes each output a cross-check compares:
 * the report names it next to an unexplained difference, so that the fix
 * goes to the right component.
 */
import type { CheckName } from './known-differences.ts';

const PRODUCERS: { check: CheckName; subject: RegExp; producer: string }[] = [
  { check: 'kubectl', subject: /^kubectl describe svc/, producer: 'src/kubectl/describe/service.ts describeService' },
  { check: 'kubectl', subject: /^kubectl get pods/, producer: 'src/kubectl/printers/table/pod.ts' },
  { check: 'kubectl', subject: /^kubectl get/, producer: 'src/kubectl/printers/table/service.ts, endpoints.ts, endpointslice.ts' },
  { check: 'dns', subject: /^PTR/, producer: 'src/coredns/backend-lookup.ts ptrRecords' },
  { check: 'dns', subject: /^SRV/, producer: 'src/coredns/backend-lookup.ts srvRecords' },
  { check: 'dns', subject: /^CNAME/, producer: 'src/coredns/backend-lookup.ts cnameRecords' },
  { check: 'dns', subject: /\.cluster\.local/, producer: 'src/coredns/kubernetes-plugin.ts, src/coredns/backend-lookup.ts addressRecords' },
  { check: 'dns', subject: /./, producer: 'src/coredns/coredns-server.ts, src/coredns/upstream.ts (names outside cluster.local)' },
  { check: 'dig-noall', subject: /./, producer: 'src/tools/dns/dig.ts dig (the +noall/+answer/+authority options)' },
  { check: 'iptables', subject: /^(chains|KUBE-)/, producer: 'src/kubeproxy/iptables/service-rules.ts buildServicePortRules, src/kubeproxy/iptables/iptables-proxier.ts' },
  { check: 'iptables', subject: /./, producer: 'src/kubeproxy/iptables/base-rules.ts, src/kubeproxy/iptables/kind-node-rules.ts' },
];

/** The module that produces the memory side of `subject`, if known. */
export function producerOf(check: CheckName, subject: string): string | undefined {
  return PRODUCERS.find((p) => p.check === check && p.subject.test(subject))?.producer;
}
