/**
 * The objects natural steps stand for, written as a person would write their
 * manifests: "a Deployment my-nginx with 2 replicas of nginx labelled
 * run=my-nginx on port 80" is the Deployment of seed 000's run-my-nginx.yaml.
 */

export interface DeploymentPhrase {
  name: string;
  replicas: number;
  image: string;
  /** One label for selector and pods; app=NAME when the phrase names none. */
  label?: { key: string; value: string };
  containerPort?: number;
}

export function deploymentManifest(p: DeploymentPhrase): Record<string, unknown> {
  const labels = { [p.label?.key ?? 'app']: p.label ? p.label.value : p.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: p.name, labels },
    spec: {
      replicas: p.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: p.name.slice(0, 63), image: p.image, ...(p.containerPort ? { ports: [{ containerPort: p.containerPort }] } : {}) }] },
      },
    },
  };
}
