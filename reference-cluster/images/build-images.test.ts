import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ImageCatalog } from '../../src/images/image-catalog.ts';
import { imageConfig, normalizedNames } from './build-images.ts';
import { POD_IMAGE_RECIPES } from './image-recipes.ts';

describe('normalizedNames', () => {
  it('names images as containerd does', () => {
    expect(normalizedNames(['nginx:latest', 'luksa/kubia:v1', 'registry.k8s.io/pause:3.10'])).to.deep.equal([
      'docker.io/library/nginx:latest',
      'docker.io/luksa/kubia:v1',
      'registry.k8s.io/pause:3.10',
    ]);
  });
});

describe('imageConfig', () => {
  it('takes the nginx image config from the catalog (docker-nginx Dockerfile: ENTRYPOINT, CMD, STOPSIGNAL)', () => {
    const recipe = POD_IMAGE_RECIPES.find((r) => r.references.includes('nginx:latest'))!;
    const found = new ImageCatalog().lookup('nginx:latest');
    if (found.kind !== 'found') throw new Error('catalog lacks nginx');
    const config = imageConfig(recipe, found.image.spec);
    expect(config.Entrypoint).to.deep.equal(['/docker-entrypoint.sh']);
    expect(config.Cmd).to.deep.equal(['nginx', '-g', 'daemon off;']);
    expect(config.StopSignal).to.equal('SIGQUIT');
    expect(config.Env).to.include('NGINX_VERSION=1.27.1');
  });

  it('exposes the ports the catalog daemons listen on (kubia: 8080)', () => {
    const recipe = POD_IMAGE_RECIPES.find((r) => r.references.includes('luksa/kubia:latest'))!;
    const found = new ImageCatalog().lookup('luksa/kubia');
    if (found.kind !== 'found') throw new Error('catalog lacks kubia');
    expect(imageConfig(recipe, found.image.spec)).to.deep.include({ Entrypoint: ['node', 'app.js'], ExposedPorts: { '8080/tcp': {} } });
  });

  it('every recipe names a catalog image', () => {
    for (const r of POD_IMAGE_RECIPES) expect(new ImageCatalog().lookup(r.catalogReference).kind, r.catalogReference).to.equal('found');
  });

  it('runs CoreDNS as distroless nonroot, with its entrypoint (coredns Dockerfile: USER nonroot:nonroot, ENTRYPOINT ["/coredns"])', () => {
    const recipe = POD_IMAGE_RECIPES.find((r) => r.references.includes('registry.k8s.io/coredns/coredns:v1.11.3'))!;
    const found = new ImageCatalog().lookup(recipe.catalogReference);
    if (found.kind !== 'found') throw new Error('catalog lacks coredns');
    expect(imageConfig(recipe, found.image.spec)).to.deep.include({ Entrypoint: ['/coredns'], User: 'nonroot:nonroot' });
  });
});
