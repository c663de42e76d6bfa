/**
 * stagePlan and tarDirectory on a small plan: copies keep their file
 * capability into the tar (as containerd's unpacker needs it), and two builds
 * of one plan give one digest. Setting a capability needs root and setcap;
 * without them the test skips, saying which.
 */
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stagePlan, tarDirectory } from './layer-tar.ts';
import type { LayerPlan } from './image-layer-plan.ts';

const why =
  process.getuid?.() !== 0 ? 'not root (setcap needs CAP_SETFCAP)' : spawnSync('sh', ['-c', 'command -v setcap']).status !== 0 ? 'setcap is not installed (apt-get install libcap2-bin)' : undefined;
if (why) process.stdout.write(`reference-cluster/images/layer-tar.test.ts skipped: ${why}\n`);

describe('a layer with a copied binary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ks-layer-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const source = join(dir, 'program');
  writeFileSync(source, '#!/bin/sh\nexit 0\n');
  const plan: LayerPlan = {
    files: new Map([['/etc/motd', { content: 'hello\n', mode: 0o644 }]]),
    links: new Map([['/bin/sh', '/bin/busybox']]),
    copies: new Map([['/coredns', { source, mode: 0o755, capabilities: 'cap_net_bind_service=+ep' }]]),
    whiteouts: ['/usr/bin/wget'],
  };

  it('stages the copy with its mode and capability', { skip: why }, () => {
    stagePlan(plan, join(dir, 'staging'));
    expect(statSync(join(dir, 'staging/coredns')).mode & 0o777).to.equal(0o755);
    expect(execFileSync('getcap', [join(dir, 'staging/coredns')], { encoding: 'utf8' })).to.contain('cap_net_bind_service=ep');
    expect(statSync(join(dir, 'staging/usr/bin/.wh.wget')).size).to.equal(0);
  });

  it('tars the capability as a pax record, the same bytes every time', { skip: why }, async () => {
    const a = await tarDirectory(join(dir, 'staging'), join(dir, 'a.tar'), { normalize: true });
    const b = await tarDirectory(join(dir, 'staging'), join(dir, 'b.tar'), { normalize: true });
    expect(a.digest).to.equal(b.digest);
    // GNU tar writes the pax header of ./coredns under ./PaxHeaders/coredns (tar(5), pax interchange format).
    const bytes = readFileSync(a.path, 'latin1');
    expect(bytes).to.contain('./PaxHeaders/coredns').and.to.contain('SCHILY.xattr.security.capability=');
  });
});
