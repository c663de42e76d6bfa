import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciLayout } from './oci-layout.ts';
import { splitName, startRegistry } from './registry-server.ts';

describe('splitName', () => {
  it('splits repository and tag at the last colon after the last slash', () => {
    expect(splitName('docker.io/library/nginx:latest')).to.deep.equal({ repository: 'docker.io/library/nginx', tag: 'latest' });
    expect(splitName('localhost:5000/app')).to.deep.equal({ repository: 'localhost:5000/app', tag: 'latest' });
  });
});

describe('the local registry', () => {
  let dir: string;
  let server: Server;
  let base: string;
  let layerDigest: string;
  let manifestDigest: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ks-registry-'));
    const layerPath = join(dir, 'layer.tar');
    const content = Buffer.from('not really a tar, the registry does not look');
    writeFileSync(layerPath, content);
    layerDigest = `sha256:${createHash('sha256').update(content).digest('hex')}`;
    const layout = new OciLayout(join(dir, 'oci'));
    const layer = layout.addLayer({ path: layerPath, digest: layerDigest, size: content.length });
    manifestDigest = layout.addImage(['docker.io/library/nginx:latest', 'registry.k8s.io/library/nginx:1.0'], { Cmd: ['nginx'] }, [layer]).digest;
    layout.finish();
    server = await startRegistry(join(dir, 'oci'), 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the API version check', async () => {
    const res = await fetch(`${base}/v2/`);
    expect(res.status).to.equal(200);
  });

  it('resolves a tag of the registry containerd names in ?ns= to the manifest', async () => {
    const res = await fetch(`${base}/v2/library/nginx/manifests/latest?ns=docker.io`, { method: 'HEAD' });
    expect(res.status).to.equal(200);
    expect(res.headers.get('docker-content-digest')).to.equal(manifestDigest);
    expect(res.headers.get('content-type')).to.equal('application/vnd.oci.image.manifest.v1+json');
  });

  it('serves the manifest by digest and the blobs it names', async () => {
    const manifest = (await (await fetch(`${base}/v2/library/nginx/manifests/${manifestDigest}?ns=docker.io`)).json()) as { layers: { digest: string }[] };
    expect(manifest.layers[0].digest).to.equal(layerDigest);
    const blob = await fetch(`${base}/v2/library/nginx/blobs/${layerDigest}?ns=docker.io`);
    expect(await blob.text()).to.equal('not really a tar, the registry does not look');
  });

  it('tells registries apart: a tag only registry.k8s.io has is unknown on docker.io', async () => {
    expect((await fetch(`${base}/v2/library/nginx/manifests/1.0?ns=registry.k8s.io`)).status).to.equal(200);
    const res = await fetch(`${base}/v2/library/nginx/manifests/1.0?ns=docker.io`);
    expect(res.status).to.equal(404);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0].code).to.equal('MANIFEST_UNKNOWN');
  });
});
