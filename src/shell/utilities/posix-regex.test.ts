import { describe, it } from 'node:test';
import { expect } from 'chai';
import { RegexSyntaxError, translatePosixRegex, type RegexSyntax } from './posix-regex.ts';

function firstMatch(pattern: string, syntax: RegexSyntax, text: string): string | null {
  const re = new RegExp(translatePosixRegex(pattern, syntax).source);
  return re.exec(text)?.[0] ?? null;
}

function errorOf(pattern: string, syntax: RegexSyntax): string {
  try {
    translatePosixRegex(pattern, syntax);
    return 'no error';
  } catch (error) {
    if (error instanceof RegexSyntaxError) return error.message;
    throw error;
  }
}

describe('POSIX regular expressions as GNU grep reads them', () => {
  // Expected: `echo TEXT | grep -o PATTERN` (GNU grep 3.8, C locale) on this machine.
  const table: Array<[string, RegexSyntax, string, string | null]> = [
    ['a\\{2\\}', 'basic', 'caaat', 'aa'],
    ['a{2}', 'basic', 'a{2}', 'a{2}'],
    ['a{2}', 'extended', 'caaat', 'aa'],
    ['\\(ab\\)*c', 'basic', 'ababc', 'ababc'],
    ['(ab)*c', 'basic', '(ab)*c', null],
    ['x\\|y', 'basic', 'y', 'y'],
    ['x|y', 'basic', 'x|y', 'x|y'],
    ['a\\+', 'basic', 'caaa', 'aaa'],
    ['a+', 'basic', 'a+', 'a+'],
    ['*a', 'basic', '*a', '*a'],
    ['^*', 'basic', '*x', '*'],
    ['a^b', 'basic', 'a^b', 'a^b'],
    ['a$b', 'basic', 'a$b', 'a$b'],
    ['a)b', 'extended', 'a)b', 'a)b'],
    ['a{1', 'extended', 'a{1', 'a{1'],
    ['\\(a\\)\\1', 'basic', 'xaa', 'aa'],
    ['[[:alpha:]]\\{2\\}', 'basic', '1ab', 'ab'],
    ['[]a]', 'basic', ']', ']'],
    ['[^]a]', 'basic', 'a)', ')'],
    ['[a\\]x]', 'basic', 'a]x]', null],
    ['\\<ab\\>', 'basic', 'x ab y', 'ab'],
    ['\\bx', 'basic', 'ax x', 'x'],
    ['\\w\\+', 'basic', '-ab_1-', 'ab_1'],
    ['a.c', 'basic', 'a\rc', 'a\rc'],
    ['\\.', 'basic', 'a.b', '.'],
  ];
  for (const [pattern, syntax, text, expected] of table) {
    it(`${syntax} ${pattern} on ${JSON.stringify(text)}`, () => {
      expect(firstMatch(pattern, syntax, text)).to.equal(expected);
    });
  }

  const errors: Array<[string, RegexSyntax, string]> = [
    ['a[b', 'basic', 'Unmatched [, [^, [:, [., or [='],
    ['a[', 'basic', 'Invalid regular expression'],
    ['a\\(b', 'basic', 'Unmatched ( or \\('],
    ['a\\)b', 'basic', 'Unmatched ) or \\)'],
    ['a\\{1', 'basic', 'Unmatched \\{'],
    ['a\\{x\\}', 'basic', 'Invalid content of \\{\\}'],
    ['a\\{2,1\\}', 'basic', 'Invalid content of \\{\\}'],
    ['\\1', 'basic', 'Invalid back reference'],
    ['a\\', 'basic', 'Trailing backslash'],
    ['[[:foo:]]', 'basic', 'Invalid character class name'],
    ['(a', 'extended', 'Unmatched ( or \\('],
  ];
  for (const [pattern, syntax, message] of errors) {
    it(`${syntax} ${pattern}: ${message}`, () => {
      expect(errorOf(pattern, syntax)).to.equal(message);
    });
  }

  it('warns, as grep -E does, about a repetition at the start', () => {
    expect(translatePosixRegex('*a', 'extended').warnings).to.deep.equal(['* at start of expression']);
  });
});
