/**
 * Secret defaults: SetDefaults_Secret (type Opaque, pkg/apis/core/v1/defaults.go)
 * and the v1 → internal conversion that merges the write-only stringData into
 * data, stringData winning (Convert_v1_Secret_To_core_Secret, pkg/apis/core/v1/conversion.go).
 */
import type { Secret } from '../../api/core.ts';

export function defaultSecret(secret: Secret): void {
  secret.type ||= 'Opaque';
  if (secret.stringData) {
    secret.data ??= {};
    for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = Buffer.from(v, 'utf8').toString('base64');
    delete secret.stringData;
  }
}
