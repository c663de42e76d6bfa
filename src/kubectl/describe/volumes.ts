/**
 * The Volumes section of `describe pod` and of pod templates (describeVolumes and the
 * print*VolumeSource functions of k8s.io/kubectl/pkg/describe/describe.go, as kubectl v1.32.4
 * prints them, including the `SecretOptionalName` label of projected secrets and the `<nil>` of
 * an unset projected configMap `optional`).
 */
import type { Volume } from '../../api/core.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.ts';

/**
 * A *bool printed with %v: `<nil>` when unset; kubectl prints a pointer address otherwise, which
 * no two runs share, so a stable address-like text stands in for it.
 */
function boolPointer(value: boolean | undefined): string {
  return value === undefined ? '<nil>' : value ? '0xc0000b2e38' : '0xc0000b2e39';
}

function describeProjected(volume: NonNullable<Volume['projected']>, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of volume.sources ?? []) {
    if (source.secret) {
      w.write(LEVEL_2, `SecretName:\t${source.secret.name}\n    SecretOptionalName:\t${boolPointer(source.secret.optional)}\n`);
    } else if (source.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (source.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name}\n    ConfigMapOptional:\t${boolPointer(source.configMap.optional)}\n`);
    } else if (source.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  }
}

function describeVolumeSource(volume: Volume, w: PrefixWriter): void {
  const extra = volume as Volume & { persistentVolumeClaim?: { claimName: string; readOnly?: boolean } };
  if (volume.hostPath) {
    const type = volume.hostPath.type === undefined ? '<none>' : volume.hostPath.type;
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${volume.hostPath.path}\n    HostPathType:\t${type}\n`);
  } else if (volume.emptyDir) {
    const dir = volume.emptyDir as { medium?: string; sizeLimit?: string };
    const sizeLimit = dir.sizeLimit && dir.sizeLimit !== '0' ? dir.sizeLimit : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${dir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (volume.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${volume.secret.secretName}\n    Optional:\t${volume.secret.optional === true}\n`);
  } else if (volume.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${volume.configMap.name}\n    Optional:\t${volume.configMap.optional === true}\n`);
  } else if (extra.persistentVolumeClaim) {
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${extra.persistentVolumeClaim.claimName}\n    ReadOnly:\t${extra.persistentVolumeClaim.readOnly === true}\n`);
  } else if (volume.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
    }
  } else if (volume.projected) {
    describeProjected(volume.projected, w);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** describeVolumes: `space` is '' in a pod and '  ' in a pod template. */
export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${volume.name}:\n`);
    describeVolumeSource(volume, w);
  }
}
