import { describe, it } from 'node:test';
import { expect } from 'chai';
import { alignColumns, TabWriter, type TabWriterSettings } from './tabwriter.ts';

const settings = (minWidth: number, padding: number, padChar: string): TabWriterSettings => ({ minWidth, tabWidth: 0, padding, padChar });

describe('alignColumns', () => {
  // The flag-less cases of the table in golang.org/src/text/tabwriter/tabwriter_test.go
  // (name, minwidth, padding, padchar, source, expected); tabwidth is 0 in all of them.
  const cases: [string, number, number, string, string, string][] = [
    ['2', 8, 1, '.', '\n\n\n', '\n\n\n'],
    ['3', 8, 1, '.', 'a\nb\nc', 'a\nb\nc'],
    ['4a', 8, 1, '.', '\t', ''],
    ['5', 8, 1, '.', '*\t*', '*.......*'],
    ['5b', 8, 1, '.', '*\t*\n', '*.......*\n'],
    ['5c', 8, 1, '.', '*\t*\t', '*.......*'],
    ['6', 8, 1, '.', '\t\n', '........\n'],
    ['7a', 8, 1, '.', 'a) foo', 'a) foo'],
    ['7b', 8, 1, ' ', 'b) foo\tbar', 'b) foo  bar'],
    ['7c', 8, 1, '.', 'c) foo\tbar\t', 'c) foo..bar'],
    ['7d', 8, 1, '.', 'd) foo\tbar\n', 'd) foo..bar\n'],
    ['7e', 8, 1, '.', 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
    ['8', 8, 1, '*', 'Hello, world!\n', 'Hello, world!\n'],
    ['9a', 1, 0, '.', '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
    ['10a', 5, 0, '.', '1\t2\t3\t4\n', '1....2....3....4\n'],
    ['10b', 5, 0, '.', '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
    ['11', 8, 1, '.', '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n', '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n'],
    ['12b', 2, 0, ' ', 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
    ['12c', 8, 1, '_', 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n'],
    [
      '13a', 4, 1, '-',
      '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
      '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n',
    ],
    [
      '13b', 4, 3, '.',
      '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
      '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
    ],
    ['15a', 4, 0, '.', 'a\t\tb', 'a.......b'],
  ];
  for (const [name, minWidth, padding, padChar, source, expected] of cases) {
    it(name, () => {
      expect(alignColumns(source, settings(minWidth, padding, padChar))).to.equal(expected);
    });
  }
});

describe('TabWriter', () => {
  it('aligns the text written before each flush on its own', () => {
    // describe's DescribeEvents flushes before the events table so it does not widen the fields above it
    const w = new TabWriter(settings(0, 2, ' '));
    w.write('Name:\tx\nLongerLabel:\ty\n');
    w.flush();
    w.write('A\tB\n');
    expect(w.toString()).to.equal('Name:         x\nLongerLabel:  y\nA  B\n');
  });
});
