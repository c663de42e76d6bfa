/** The Conditions table of Deployments, ReplicaSets and ReplicationControllers (`Type  Status  Reason`, k8s.io/kubectl/pkg/describe/describe.go). */
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.ts';

export function writeControllerConditions(w: PrefixWriter, conditions: { type: string; status: string; reason?: string }[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}
