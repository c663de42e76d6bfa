/** `kubectl create deployment NAME --image=... [--replicas] [--port]` (kubectl/pkg/cmd/create/create_deployment.go). */
import type { CommandSpec, Invocation } from '../../command.ts';
import { int, strSlice } from '../../flags/flag-spec.ts';
import { containerNameForImage } from './image-container-name.ts';
import { createGenerated, createSubcommandFlags, generatorNamespace, nameArgument } from './create-generated.ts';
import type { KubeObject } from '../../../api/meta.ts';

/** The Deployment the generator builds, fields in apps/v1 struct order (what `-o json` shows). */
export function generateDeployment(name: string, images: string[], replicas: number, port: number, namespace?: string): KubeObject {
  const labels = { app: name };
  const containers: Record<string, unknown>[] = images.map((image) => ({ name: containerNameForImage(image), image, resources: {} }));
  if (port >= 0 && containers.length > 0) {
    containers[0] = { name: containers[0].name, image: containers[0].image, ports: [{ containerPort: port }], resources: {} };
  }
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null as unknown as string, labels },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

function run(inv: Invocation): void {
  const name = nameArgument(inv);
  const obj = generateDeployment(name, inv.flags.list('image'), inv.flags.int('replicas'), inv.flags.int('port'), generatorNamespace(inv));
  createGenerated(inv, obj);
}

export const createDeploymentCommand: CommandSpec = {
  name: 'deployment',
  aliases: ['deploy'],
  flags: [...createSubcommandFlags(), strSlice('image'), int('port', undefined, '-1', 'int32'), int('replicas', 'r', '1', 'int32')],
  requiredFlags: ['image'],
  run,
};
