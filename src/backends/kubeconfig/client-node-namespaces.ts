/** NamespaceApi on a real cluster, through @kubernetes/client-node 1.x (object-parameter API). */
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { ManagedNamespace, NamespaceApi } from './namespace-lifecycle.ts';

export class ClientNodeNamespaces implements NamespaceApi {
  private readonly core: CoreV1Api;

  constructor(kubeConfig: KubeConfig) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  async create(ns: ManagedNamespace): Promise<void> {
    await this.core.createNamespace({ body: { metadata: { name: ns.name, labels: ns.labels, annotations: ns.annotations } } });
  }

  async delete(name: string): Promise<void> {
    try {
      await this.core.deleteNamespace({ name, propagationPolicy: 'Background' });
    } catch (error) {
      // Already gone: what we wanted.
      if ((error as { code?: number }).code !== 404) throw error;
    }
  }

  async list(labelSelector: string): Promise<ManagedNamespace[]> {
    const list = await this.core.listNamespace({ labelSelector });
    return list.items.map((ns) => ({
      name: ns.metadata?.name ?? '',
      labels: ns.metadata?.labels ?? {},
      annotations: ns.metadata?.annotations ?? {},
      creationTimestamp: ns.metadata?.creationTimestamp ? new Date(ns.metadata.creationTimestamp).toISOString() : undefined,
    }));
  }
}
