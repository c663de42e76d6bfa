import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ArithmeticError, evaluateArithmetic } from './arithmetic.ts';

function run(expression: string, dialect: 'ash' | 'dash', vars: Record<string, string> = {}): string {
  const store = new Map(Object.entries(vars));
  try {
    const value = evaluateArithmetic(expression, { get: (n) => store.get(n), set: (n, v) => store.set(n, v) }, dialect);
    return String(value);
  } catch (error) {
    if (error instanceof ArithmeticError) return `error: ${error.describe(dialect)}`;
    throw error;
  }
}

describe('arithmetic expansion', () => {
  // Expected: `busybox sh -c 'echo $((...))'` (1.35.0) and `dash -c` (0.5.12) on this machine.
  const both: Array<[string, string, Record<string, string>?]> = [
    ['1+2*3', '7'],
    ['(1+2)*3', '9'],
    ['-5 / 2', '-2'],
    ['-7 % 3', '-1'],
    ['7 >> 1', '3'],
    ['1 << 40', '1099511627776'],
    ['9223372036854775807 + 1', '-9223372036854775808'],
    ['010 + 0x10', '24'],
    ['3 > 2 && 0 || 5', '1'],
    ['1 ? 2 : 3', '2'],
    ['1<2<3', '1'],
    ['~0', '-1'],
    ['x * 2', '10', { x: '5' }],
    ['x + 1', '6', { x: ' 5 ' }],
    ['x + 1', '1', { x: '' }],
    ['abc', '0'],
    ['99999999999999999999', '9223372036854775807'],
  ];
  for (const [expression, expected, vars] of both) {
    it(`${expression} = ${expected}`, () => {
      expect(run(expression, 'ash', vars)).to.equal(expected);
      expect(run(expression, 'dash', vars)).to.equal(expected);
    });
  }

  const differing: Array<[string, string, string, Record<string, string>?]> = [
    ['1+', 'error: arithmetic syntax error', 'error: arithmetic expression: expecting primary: "1+"'],
    ['1 2', 'error: arithmetic syntax error', 'error: arithmetic expression: expecting EOF: "1 2"'],
    ['1/0', 'error: divide by zero', 'error: arithmetic expression: division by zero: "1/0"'],
    [' ', '0', 'error: arithmetic expression: expecting primary: " "'],
    ['08', 'error: arithmetic syntax error', 'error: arithmetic expression: expecting EOF: "08"'],
    ['2 ** 3', '8', 'error: arithmetic expression: expecting primary: "2 ** 3"'],
    ['x*2', '10', 'error: Illegal number: 2+3', { x: '2+3' }],
    ['x', 'error: arithmetic syntax error', 'error: Illegal number: 12abc', { x: '12abc' }],
  ];
  for (const [expression, ash, dash, vars] of differing) {
    it(`${JSON.stringify(expression)}: ash ${ash}; dash ${dash}`, () => {
      expect(run(expression, 'ash', vars)).to.equal(ash);
      expect(run(expression, 'dash', vars)).to.equal(dash);
    });
  }

  it('assigns to variables', () => {
    const store = new Map([['x', '3']]);
    const vars = { get: (n: string) => store.get(n), set: (n: string, v: string) => void store.set(n, v) };
    expect(String(evaluateArithmetic('x += 2', vars, 'dash'))).to.equal('5');
    expect(String(evaluateArithmetic('x <<= 1', vars, 'dash'))).to.equal('10');
    expect(store.get('x')).to.equal('10');
  });

  it('does not evaluate the side of && and ?: that is not taken (dash)', () => {
    expect(run('0 && 1/0', 'dash')).to.equal('0');
    expect(run('1 ? 2 : 1/0', 'dash')).to.equal('2');
  });
});
