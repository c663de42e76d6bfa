/**
 * `seq` (GNU coreutils src/seq.c): FIRST, INCREMENT, LAST as integers or
 * decimals; -s SEPARATOR, -w (equal width), -f FORMAT (%g %f %e family).
 * Decimals print with as many fraction digits as the widest argument.
 */
import type { CommandResult, Program } from '../types.ts';
import { has, lastValue, parseCommandLine, usageError } from './command-line.ts';
import { printf } from './printf.ts';
import { withArguments } from './with-arguments.ts';

const SPECS = [
  { name: 's', short: 's', long: 'separator', argument: 'required' as const },
  { name: 'w', short: 'w', long: 'equal-width' },
  { name: 'f', short: 'f', long: 'format', argument: 'required' as const },
];

function fractionDigits(text: string): number {
  const m = /\.(\d*)/.exec(text);
  return m && !/[eE]/.test(text) ? m[1].length : 0;
}

export const seq: Program = async (ctx): Promise<CommandResult> => {
  const program = ctx.argv[0];
  // Negative numbers are operands, not options: `seq -1 1`.
  const args = ctx.argv.slice(1);
  const parsed = parseCommandLine(args.map((a) => (/^-\d/.test(a) ? `\u0000${a}` : a)), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  const operands = parsed.operands.map((a) => a.replace(/^\u0000/, ''));
  if (operands.length === 0) return usageError(program, 'missing operand', 1);
  if (operands.length > 3) return usageError(program, `extra operand '${operands[3]}'`, 1);
  for (const a of operands) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(a.trim())) return usageError(program, `invalid floating point argument: '${a}'`, 1);
  }
  const [firstText, stepText, lastText] = operands.length === 1 ? ['1', '1', operands[0]] : operands.length === 2 ? [operands[0], '1', operands[1]] : operands;
  const first = Number(firstText);
  const step = Number(stepText);
  const last = Number(lastText);
  if (step === 0) return usageError(program, `invalid Zero increment value: '${stepText}'`, 1);
  const digits = Math.max(fractionDigits(firstText), fractionDigits(stepText));
  const values: number[] = [];
  for (let k = 0; ; k++) {
    const v = first + k * step;
    if (step > 0 ? v > last + 1e-12 : v < last - 1e-12) break;
    values.push(v);
    if (values.length > 1_000_000) break;
  }
  const format = lastValue(o, 'f');
  let texts: string[];
  if (format !== undefined) {
    const result = await printf(withArguments(ctx, ['printf', `${format}\n`, ...values.map(String)]));
    texts = result.stdout.split('\n').slice(0, values.length);
  } else texts = values.map((v) => v.toFixed(digits));
  if (has(o, 'w')) {
    const width = Math.max(...texts.map((t) => t.length));
    texts = texts.map((t) => (t.startsWith('-') ? `-${t.slice(1).padStart(width - 1, '0')}` : t.padStart(width, '0')));
  }
  const separator = lastValue(o, 's') ?? '\n';
  return { stdout: texts.length ? `${texts.join(separator)}\n` : '', stderr: '', exitCode: 0 };
};
