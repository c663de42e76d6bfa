/**
 * Deployment and ReplicaSet defaults: SetDefaults_Deployment and
 * SetDefaults_ReplicaSet of pkg/apis/apps/v1/defaults.go (1.31), plus the
 * PodSpec defaults of their template.
 */
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import type { PodTemplateSpec } from '../../api/core.ts';
import { defaultPodSpec } from './pod-spec.ts';

/** A stored template's metadata carries `creationTimestamp: null` (metav1.ObjectMeta's zero Time). */
export function defaultTemplate(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  template.metadata ??= {};
  if (template.metadata.creationTimestamp === undefined) template.metadata.creationTimestamp = null;
  template.spec ??= { containers: [] };
  defaultPodSpec(template.spec);
}

export function defaultDeployment(d: Deployment): void {
  d.spec ??= {} as Deployment['spec'];
  const spec = d.spec;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ||= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template);
}

export function defaultReplicaSet(rs: ReplicaSet): void {
  rs.spec ??= {} as ReplicaSet['spec'];
  rs.spec.replicas ??= 1;
  defaultTemplate(rs.spec.template);
}
