import { describe, it } from 'node:test';
import { expect } from 'chai';
import { hasPatternCharacters, matchPattern, removeAffix, replacePattern } from './pattern.ts';

describe('shell patterns', () => {
  // XCU 2.13; expected values as dash's `case` matches them.
  const matches: Array<[string, string, boolean]> = [
    ['*', 'anything', true],
    ['*.yaml', 'svc.yaml', true],
    ['*.yaml', 'svc.yml', false],
    ['?', 'a', true],
    ['?', 'ab', false],
    ['[abc]x', 'bx', true],
    ['[!abc]x', 'bx', false],
    ['[^abc]x', 'dx', true],
    ['[a-c]', 'b', true],
    ['[[:upper:]]*', 'Kube', true],
    ['[[:digit:]][[:digit:]]', '42', true],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['[', '[', true],
    ['a[', 'a[', true],
    ['[]]', ']', true],
    ['nginx|httpd', 'nginx|httpd', true],
  ];
  for (const [pattern, text, expected] of matches) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${text}`, () => {
      expect(matchPattern(pattern, text)).to.equal(expected);
    });
  }

  it('removes prefixes and suffixes, smallest and largest', () => {
    // dash: p=/usr/local/bin/kubectl.tar.gz; echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*}
    const p = '/usr/local/bin/kubectl.tar.gz';
    expect(removeAffix(p, '*/', 'prefix', false)).to.equal('usr/local/bin/kubectl.tar.gz');
    expect(removeAffix(p, '*/', 'prefix', true)).to.equal('kubectl.tar.gz');
    expect(removeAffix(p, '.*', 'suffix', false)).to.equal('/usr/local/bin/kubectl.tar');
    expect(removeAffix(p, '.*', 'suffix', true)).to.equal('/usr/local/bin/kubectl');
    expect(removeAffix('abc', 'x*', 'prefix', true)).to.equal('abc');
  });

  it("replaces like busybox ash's ${x/p/r} and ${x//p/r}", () => {
    // busybox sh -c 'x=abcabc; echo ${x/b/B} ${x//b/B} ${x//[ac]/-}'
    expect(replacePattern('abcabc', 'b', 'B', false)).to.equal('aBcabc');
    expect(replacePattern('abcabc', 'b', 'B', true)).to.equal('aBcaBc');
    expect(replacePattern('abcabc', '[ac]', '-', true)).to.equal('-b--b-');
  });

  it('knows which words glob', () => {
    expect(hasPatternCharacters('*.txt')).to.equal(true);
    expect(hasPatternCharacters('\\*.txt')).to.equal(false);
    expect(hasPatternCharacters('plain')).to.equal(false);
  });
});
