import { describe, it } from 'node:test';
import { expect } from 'chai';
import { deploymentManifest } from './natural-manifests.ts';

describe('deploymentManifest', () => {
  it('is seed 000\'s run-my-nginx.yaml for the phrase that names it', () => {
    expect(deploymentManifest({ name: 'my-nginx', replicas: 2, image: 'nginx', label: { key: 'run', value: 'my-nginx' }, containerPort: 80 })).to.deep.equal({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'my-nginx', labels: { run: 'my-nginx' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { run: 'my-nginx' } },
        template: { metadata: { labels: { run: 'my-nginx' } }, spec: { containers: [{ name: 'my-nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } },
      },
    });
  });
  it('labels app=NAME when the phrase names no label', () => {
    expect((deploymentManifest({ name: 'web', replicas: 1, image: 'httpd' }).metadata as { labels: object }).labels).to.deep.equal({ app: 'web' });
  });
});
