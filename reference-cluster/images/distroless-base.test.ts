import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageDistrolessBase } from './distroless-base.ts';

describe('stageDistrolessBase', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-distroless-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const debian = join(dir, 'debian');
  mkdirSync(join(debian, 'etc/ssl/certs'), { recursive: true });
  writeFileSync(join(debian, 'etc/ssl/certs/ca-certificates.crt'), '-----BEGIN CERTIFICATE-----\n');
  const base = join(dir, 'base');
  stageDistrolessBase(debian, base);

  it('has no shell and no program directory', () => {
    expect(existsSync(join(base, 'bin'))).to.equal(false);
    expect(existsSync(join(base, 'usr'))).to.equal(false);
    expect(readdirSync(base).sort()).to.deep.equal(['dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp']);
  });

  it('knows the nonroot user (uid and gid 65532) and carries the certificates', () => {
    expect(readFileSync(join(base, 'etc/passwd'), 'utf8')).to.contain('nonroot:x:65532:65532:');
    expect(readFileSync(join(base, 'etc/group'), 'utf8')).to.contain('nonroot:x:65532:');
    expect(readFileSync(join(base, 'etc/ssl/certs/ca-certificates.crt'), 'utf8')).to.contain('BEGIN CERTIFICATE');
  });

  it('has a sticky, world-writable /tmp', () => {
    expect(statSync(join(base, 'tmp')).mode & 0o7777).to.equal(0o1777);
  });
});
