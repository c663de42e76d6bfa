import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MemoryFileSystem } from './memory-fs.ts';
import { FileSystemError } from './types.ts';

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (error instanceof FileSystemError) return error.code;
    throw error;
  }
}

describe('MemoryFileSystem', () => {
  it('resolves paths against a working directory like realpath -m', () => {
    const fs = new MemoryFileSystem();
    // Expected values: GNU `realpath -m` run from each cwd.
    const table: Array<[string, string, string]> = [
      ['/work', 'a.txt', '/work/a.txt'],
      ['/work', '/etc/hosts', '/etc/hosts'],
      ['/work/sub', '../a', '/work/a'],
      ['/', '..', '/'],
      ['/a', './b//c/', '/a/b/c'],
      ['/a/b', '../../..', '/'],
      ['/', '.', '/'],
    ];
    for (const [cwd, path, expected] of table) expect(fs.resolve(cwd, path), `${cwd} + ${path}`).to.equal(expected);
  });

  it('seeds files with implicit parent directories and lists them sorted', () => {
    const fs = new MemoryFileSystem({ '/etc/resolv.conf': 'nameserver 10.96.0.10\n', '/etc/hosts': '127.0.0.1 localhost\n', '/usr/share/nginx/html/index.html': 'x' });
    expect(fs.list('/')).to.deep.equal(['etc', 'usr']);
    expect(fs.list('/etc')).to.deep.equal(['hosts', 'resolv.conf']);
    expect(fs.isDirectory('/usr/share/nginx')).to.equal(true);
    expect(fs.readFile('/etc/hosts')).to.equal('127.0.0.1 localhost\n');
    expect(fs.readFile('/etc')).to.equal(undefined);
    expect(fs.list('/etc/hosts')).to.equal(undefined);
  });

  it('writes, appends and fails with the errno open(2) gives', () => {
    const fs = new MemoryFileSystem({ '/work/f': 'one\n' });
    fs.writeFile('/work/f', 'two\n', { append: true });
    expect(fs.readFile('/work/f')).to.equal('one\ntwo\n');
    fs.writeFile('/work/f', 'new\n');
    expect(fs.readFile('/work/f')).to.equal('new\n');
    const table: Array<[() => void, string]> = [
      [() => fs.writeFile('/no/such/x', ''), 'ENOENT'],
      [() => fs.writeFile('/work', ''), 'EISDIR'],
      [() => fs.writeFile('/work/f/x', ''), 'ENOTDIR'],
      [() => fs.mkdir('/work'), 'EEXIST'],
      [() => fs.mkdir('/a/b'), 'ENOENT'],
      [() => fs.mkdir('/work/f', { recursive: true }), 'EEXIST'],
      [() => fs.mkdir('/work/f/g', { recursive: true }), 'ENOTDIR'],
      [() => fs.remove('/work/missing'), 'ENOENT'],
      [() => fs.remove('/work'), 'ENOTEMPTY'],
    ];
    for (const [action, code] of table) expect(codeOf(action)).to.equal(code);
  });

  it('makes and removes directories', () => {
    const fs = new MemoryFileSystem();
    fs.mkdir('/a/b/c', { recursive: true });
    fs.mkdir('/a/b/c', { recursive: true });
    fs.writeFile('/a/b/c/f', 'x');
    expect(fs.list('/a/b')).to.deep.equal(['c']);
    fs.remove('/a', { recursive: true });
    expect(fs.exists('/a')).to.equal(false);
    expect(fs.list('/')).to.deep.equal([]);
  });

  it('has a /dev/null that reads empty and swallows writes', () => {
    const fs = new MemoryFileSystem();
    fs.writeFile('/dev/null', 'gone', { append: true });
    expect(fs.readFile('/dev/null')).to.equal('');
    expect(fs.exists('/dev/null')).to.equal(true);
    expect(fs.list('/')).to.deep.equal([]);
    fs.mkdir('/dev');
    expect(fs.list('/dev')).to.deep.equal(['null']);
  });

  it('overlays a volume whose files come from a function, read-only', () => {
    const fs = new MemoryFileSystem({ '/etc/hosts': '' });
    let data: Record<string, string> = { 'tls.crt': 'CERT', 'tls.key': 'KEY', 'sub/item': 'I' };
    fs.mount('/etc/nginx/ssl', () => data);
    expect(fs.list('/etc')).to.deep.equal(['hosts', 'nginx']);
    expect(fs.list('/etc/nginx/ssl')).to.deep.equal(['sub', 'tls.crt', 'tls.key']);
    expect(fs.readFile('/etc/nginx/ssl/tls.crt')).to.equal('CERT');
    expect(fs.isDirectory('/etc/nginx/ssl/sub')).to.equal(true);
    expect(fs.list('/etc/nginx/ssl/sub')).to.deep.equal(['item']);
    expect(fs.exists('/etc/nginx/ssl/nope')).to.equal(false);
    data = { 'tls.crt': 'NEW' };
    expect(fs.readFile('/etc/nginx/ssl/tls.crt')).to.equal('NEW');
    expect(fs.list('/etc/nginx/ssl')).to.deep.equal(['tls.crt']);
    expect(codeOf(() => fs.writeFile('/etc/nginx/ssl/x', ''))).to.equal('EROFS');
    expect(codeOf(() => fs.remove('/etc/nginx/ssl/tls.crt'))).to.equal('EROFS');
    expect(codeOf(() => fs.mkdir('/etc/nginx/ssl/d'))).to.equal('EROFS');
  });

  it('shares a mounted file system between two places (an emptyDir)', () => {
    const shared = new MemoryFileSystem();
    const a = new MemoryFileSystem();
    const b = new MemoryFileSystem();
    a.mount('/data', shared);
    b.mount('/cache', shared);
    a.writeFile('/data/x', 'from a');
    expect(b.readFile('/cache/x')).to.equal('from a');
    expect(b.list('/cache')).to.deep.equal(['x']);
    const readOnly = new MemoryFileSystem();
    readOnly.mount('/data', shared, { readOnly: true });
    expect(codeOf(() => readOnly.writeFile('/data/y', ''))).to.equal('EROFS');
    a.unmount('/data');
    expect(a.list('/data')).to.deep.equal([]);
  });
});
