/**
 * The path of `kubectl exec` through the cluster: the API server's exec
 * subresource checks the pod (pkg/registry/core/pod/strategy.go
 * streamLocation: it must exist, be bound to a node, and have the named
 * container), then the node's kubelet runs the command.
 */
import type { Pod } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import type { CommandResult } from '../../shell/types.ts';
import type { Kubelet } from '../kubelet.ts';
import { containerNotValid, noHostAssigned, podNotFound } from './exec-errors.ts';

export async function execInPod(
  api: ApiServer,
  kubeletOf: (nodeName: string) => Kubelet | undefined,
  namespace: string,
  podName: string,
  containerName: string | undefined,
  argv: string[],
  stdin: string,
  tty: boolean,
): Promise<CommandResult> {
  const pod = api.tryGet<Pod>({ kind: 'Pod', namespace, name: podName });
  if (!pod) throw podNotFound(podName);
  const container = containerName ?? pod.spec.containers[0]?.name;
  if (container !== undefined && !pod.spec.containers.some((c) => c.name === container)) throw containerNotValid(container, podName);
  const node = pod.spec.nodeName;
  const kubelet = node ? kubeletOf(node) : undefined;
  if (!node || !kubelet) throw noHostAssigned(podName);
  return kubelet.exec(namespace, podName, container, argv, stdin, tty);
}
