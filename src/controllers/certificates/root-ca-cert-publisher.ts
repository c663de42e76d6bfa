/**
 * kube-controller-manager's root-ca-cert-publisher
 * (pkg/controller/certificates/rootcacertpublisher/publisher.go, v1.31): every
 * namespace gets a `kube-root-ca.crt` ConfigMap holding the cluster CA, which
 * service-account token volumes mount; a deleted or changed one is put back.
 * That is why `kubectl get configmaps` in a fresh namespace of a kind cluster
 * lists kube-root-ca.crt (seen on the reference cluster, v1.31.4).
 */
import type { ConfigMap, Namespace } from '../../api/core.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { Controller, ControllerDeps } from '../controller.ts';
import { WorkQueue } from '../work-queue.ts';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

export class RootCaCertPublisher implements Controller {
  readonly name = 'root-ca-cert-publisher';
  private readonly queue = new WorkQueue();

  /** @param rootCA the PEM of the cluster CA, as the controller manager reads it from --root-ca-file */
  constructor(
    private readonly deps: ControllerDeps,
    private readonly rootCA: string,
  ) {
    // The informer's initial list: namespaces the API server made before this controller started.
    for (const ns of deps.api.list<Namespace>('Namespace')) this.queue.add(String(ns.metadata.name));
    deps.api.watch('Namespace', (e) => {
      if (e.type !== 'DELETED') this.queue.add(String(e.object.metadata.name));
    });
    deps.api.watch('ConfigMap', (e) => {
      if (e.object.metadata.name === ROOT_CA_CONFIGMAP && e.type !== 'ADDED') this.queue.add(String(e.object.metadata.namespace));
    });
  }

  processQueue(): boolean {
    return this.queue.drain((ns) => this.sync(ns));
  }

  private sync(namespace: string): void {
    const api = this.deps.api;
    const ns = api.tryGet<Namespace>({ kind: 'Namespace', name: namespace });
    // A terminating namespace refuses new objects; the publisher skips it (publisher.go namespaceUpdated).
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;
    const data = { 'ca.crt': this.rootCA };
    const cm = api.tryGet<ConfigMap>({ kind: 'ConfigMap', namespace, name: ROOT_CA_CONFIGMAP });
    try {
      if (!cm) {
        api.create<ConfigMap>({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
          data,
        });
        return;
      }
      if (cm.data?.['ca.crt'] === this.rootCA && Object.keys(cm.data).length === 1 && cm.metadata.annotations?.[DESCRIPTION_ANNOTATION]) return;
      api.update<ConfigMap>({ ...cm, data, metadata: { ...cm.metadata, annotations: { ...(cm.metadata.annotations ?? {}), [DESCRIPTION_ANNOTATION]: DESCRIPTION } } });
    } catch (e) {
      // Lost a race with a namespace deletion or another writer: the next event brings it back.
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
