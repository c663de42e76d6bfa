/**
 * ReplicationController defaults: SetDefaults_ReplicationController of
 * pkg/apis/core/v1/defaults.go (1.31): the selector and the object's own
 * labels default to the template labels; replicas defaults to 1.
 */
import type { ReplicationController } from '../../api/core.ts';
import { defaultTemplate } from './apps.ts';

export function defaultReplicationController(rc: ReplicationController): void {
  rc.spec ??= {};
  const labels = rc.spec.template?.metadata?.labels;
  if (labels) {
    if (Object.keys(rc.spec.selector ?? {}).length === 0) rc.spec.selector = { ...labels };
    if (Object.keys(rc.metadata.labels ?? {}).length === 0) rc.metadata.labels = { ...labels };
  }
  rc.spec.replicas ??= 1;
  defaultTemplate(rc.spec.template);
}
