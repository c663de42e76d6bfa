import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ImageCatalog } from './image-catalog.ts';
import { defaultPullPolicy, parseImageReference } from './image-reference.ts';
import type { ImageSpec } from './image-spec.ts';

describe('parseImageReference', () => {
  // Expected forms: distribution/reference normalize.go (ParseNormalizedNamed, FamiliarName) and containerd's reported image names.
  const table: [string, string, string][] = [
    ['nginx', 'docker.io/library/nginx:latest', 'nginx'],
    ['nginx:1.18-alpine', 'docker.io/library/nginx:1.18-alpine', 'nginx'],
    ['luksa/kubia', 'docker.io/luksa/kubia:latest', 'luksa/kubia'],
    ['docker.io/library/busybox:1.36', 'docker.io/library/busybox:1.36', 'busybox'],
    ['index.docker.io/library/busybox', 'docker.io/library/busybox:latest', 'busybox'],
    ['registry.k8s.io/e2e-test-images/agnhost:2.39', 'registry.k8s.io/e2e-test-images/agnhost:2.39', 'registry.k8s.io/e2e-test-images/agnhost'],
    ['localhost:5000/app', 'localhost:5000/app:latest', 'localhost:5000/app'],
  ];
  for (const [input, normalized, familiar] of table) {
    it(`${input} -> ${normalized}`, () => {
      const parsed = parseImageReference(input);
      expect(parsed.ok).to.equal(true);
      if (!parsed.ok) return;
      expect(parsed.reference.normalized).to.equal(normalized);
      expect(parsed.reference.familiarName).to.equal(familiar);
    });
  }

  // distribution/reference errors: ErrNameContainsUppercase, ErrReferenceInvalidFormat.
  const invalid: [string, string][] = [
    ['Nginx', 'invalid reference format: repository name must be lowercase'],
    ['luksa/Kubia', 'invalid reference format: repository name must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['ng inx', 'invalid reference format'],
    ['', 'invalid reference format'],
  ];
  for (const [input, error] of invalid) {
    it(`rejects "${input}"`, () => {
      expect(parseImageReference(input)).to.deep.equal({ ok: false, error });
    });
  }

  // pkg/apis/core/v1/defaults.go SetDefaults_Container.
  it('defaults the pull policy from the tag', () => {
    expect(['nginx', 'nginx:latest', 'nginx:1.18-alpine', 'nginx@sha256:' + 'a'.repeat(64)].map(defaultPullPolicy)).to.deep.equal([
      'Always',
      'Always',
      'IfNotPresent',
      'IfNotPresent',
    ]);
  });
});

describe('ImageCatalog', () => {
  const catalog = new ImageCatalog();

  it('finds nginx under every spelling with one imageID', () => {
    const ids = ['nginx', 'nginx:latest', 'docker.io/library/nginx:latest'].map((ref) => {
      const found = catalog.lookup(ref);
      if (found.kind !== 'found') throw new Error(ref);
      return found.image.imageID;
    });
    expect(new Set(ids).size).to.equal(1);
    expect(ids[0]).to.match(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it('takes the tag-specific spec: nginx:1.18-alpine is Alpine (busybox tools, nginx 1.18.0)', () => {
    const found = catalog.lookup('nginx:1.18-alpine');
    if (found.kind !== 'found') throw new Error('not found');
    expect(found.image.spec.env.NGINX_VERSION).to.equal('1.18.0');
    expect(found.image.spec.tools).to.include.members(['wget', 'nslookup', 'ping']);
    const latest = catalog.lookup('nginx');
    if (latest.kind !== 'found') throw new Error('not found');
    expect(latest.image.spec.tools).to.include('curl');
    expect(latest.image.spec.tools).not.to.include.any.members(['wget', 'nslookup', 'ping', 'ip']);
  });

  it('keeps a different imageID per tag', () => {
    const a = catalog.lookup('nginx:1.25');
    const b = catalog.lookup('nginx:1.26');
    if (a.kind !== 'found' || b.kind !== 'found') throw new Error('not found');
    expect(a.image.imageID).not.to.equal(b.image.imageID);
  });

  it('reports a missing image with containerd 1.7 texts', () => {
    // Texts: containerd remotes/docker/resolver.go; real kind events quoted in FIDELITY-style issue threads.
    expect(catalog.lookup('nginxx')).to.deep.include({
      kind: 'missing',
      pullError:
        'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
    expect(catalog.lookup('luksa/kubia:v9')).to.deep.include({
      kind: 'missing',
      pullError:
        'failed to pull and unpack image "docker.io/luksa/kubia:v9": failed to resolve reference "docker.io/luksa/kubia:v9": docker.io/luksa/kubia:v9: not found',
    });
    expect(catalog.lookup('registry.invalid/acme/app:1')).to.deep.include({
      kind: 'missing',
      pullError:
        'failed to pull and unpack image "registry.invalid/acme/app:1": failed to resolve reference "registry.invalid/acme/app:1": failed to do request: Head "https://registry.invalid/v2/acme/app/manifests/1": dial tcp: lookup registry.invalid on 172.18.0.1:53: no such host',
    });
  });

  it('reports an unparsable name as invalid', () => {
    expect(catalog.lookup('Nginx')).to.deep.equal({ kind: 'invalid', error: 'invalid reference format: repository name must be lowercase' });
  });

  it('lets a feature file add an image and shadow a built-in one', () => {
    const own = new ImageCatalog();
    const spec: ImageSpec = { name: 'example.com/team/app', sizeBytes: 1000, pullSeconds: 1, env: { PATH: '/bin' }, files: {}, tools: ['sh'], daemons: [] };
    own.extend(spec);
    const found = own.lookup('example.com/team/app:v1');
    expect(found.kind).to.equal('found');
    own.extend({ ...spec, name: 'nginx', tools: ['sh'] });
    const nginx = own.lookup('nginx:1.25');
    if (nginx.kind !== 'found') throw new Error('not found');
    expect(nginx.image.spec.tools).to.deep.equal(['sh']);
    // The tag-specific built-in still wins for its tags.
    const alpine = own.lookup('nginx:1.18-alpine');
    if (alpine.kind !== 'found') throw new Error('not found');
    expect(alpine.image.spec.env.NGINX_VERSION).to.equal('1.18.0');
    expect(() => own.extend({ ...spec, name: 'Bad' })).to.throw('invalid reference format: repository name must be lowercase');
  });
});
