import { describe, it, after } from 'node:test';
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveInRoot, sharedLibraries } from './image-binaries.ts';

describe('sharedLibraries', () => {
  it('reads the libraries and the interpreter of a cgo-linked Go binary (ldd of bin/coredns on Debian 12)', () => {
    const ldd = '\tlinux-vdso.so.1 (0x00007fd050670000)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007fd05047c000)\n\t/lib64/ld-linux-x86-64.so.2 (0x00007fd050672000)\n';
    expect(sharedLibraries(ldd)).to.deep.equal(['/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']);
  });

  it('finds none in a static binary', () => {
    expect(sharedLibraries('\tnot a dynamic executable\n')).to.deep.equal([]);
    expect(sharedLibraries('\tstatically linked\n')).to.deep.equal([]);
  });
});

describe('resolveInRoot', () => {
  const root = mkdtempSync(join(tmpdir(), 'ks-resolve-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  // Debian 12's merged /usr: /lib -> usr/lib, and the interpreter link is absolute.
  mkdirSync(join(root, 'usr/lib/x86_64-linux-gnu'), { recursive: true });
  mkdirSync(join(root, 'usr/lib64'), { recursive: true });
  writeFileSync(join(root, 'usr/lib/x86_64-linux-gnu/libc.so.6'), 'libc');
  writeFileSync(join(root, 'usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'), 'ld');
  symlinkSync('usr/lib', join(root, 'lib'));
  symlinkSync('usr/lib64', join(root, 'lib64'));
  symlinkSync('/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', join(root, 'usr/lib64/ld-linux-x86-64.so.2'));

  it('follows relative links inside the tree', () => {
    expect(resolveInRoot(root, '/lib/x86_64-linux-gnu/libc.so.6')).to.equal(join(root, 'usr/lib/x86_64-linux-gnu/libc.so.6'));
  });

  it('follows absolute links inside the tree, not on the machine', () => {
    expect(resolveInRoot(root, '/lib64/ld-linux-x86-64.so.2')).to.equal(join(root, 'usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'));
  });
});
