/** NamespaceApi on a real cluster, through @kubernetes/client-node 1.x (object-parameter API). */
import { CoreV1Api, KubernetesObjectApi, PatchStrategy, type KubeConfig } from '@kubernetes/client-node';
import type { ClusterObjectRef } from './created-objects.ts';
import type { ManagedNamespace, NamespaceApi } from './namespace-lifecycle.ts';

const notFound = (error: unknown): boolean => (error as { code?: number }).code === 404;

export class ClientNodeNamespaces implements NamespaceApi {
  private readonly core: CoreV1Api;
  private readonly objects: KubernetesObjectApi;

  constructor(kubeConfig: KubeConfig) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.objects = KubernetesObjectApi.makeApiClient(kubeConfig);
  }

  async create(ns: ManagedNamespace): Promise<void> {
    await this.core.createNamespace({ body: { metadata: { name: ns.name, labels: ns.labels, annotations: ns.annotations } } });
  }

  async delete(name: string): Promise<void> {
    try {
      await this.core.deleteNamespace({ name, propagationPolicy: 'Background' });
    } catch (error) {
      // Already gone: what we wanted.
      if (!notFound(error)) throw error;
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

  async deletePods(namespace: string): Promise<void> {
    try {
      await this.core.deleteCollectionNamespacedPod({ namespace, gracePeriodSeconds: 0 });
    } catch (error) {
      if (!notFound(error)) throw error;
    }
  }

  async labelsOf(ref: ClusterObjectRef): Promise<Record<string, string> | undefined> {
    try {
      const object = await this.objects.read({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name } });
      return object.metadata?.labels ?? {};
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async addLabels(ref: ClusterObjectRef, labels: Record<string, string>): Promise<void> {
    await this.objects.patch(
      { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, labels } },
      undefined,
      undefined,
      'kube-scenarios',
      undefined,
      PatchStrategy.MergePatch,
    );
  }

  async deleteObject(ref: ClusterObjectRef): Promise<void> {
    try {
      await this.objects.delete({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name } }, undefined, undefined, undefined, undefined, 'Background');
    } catch (error) {
      if (!notFound(error)) throw error;
    }
  }
}
