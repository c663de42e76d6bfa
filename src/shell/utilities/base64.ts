/**
 * `base64` (GNU coreutils src/basenc.c): encode with lines of 76 columns
 * (-w N, -w 0 for none), -d/--decode, -i/--ignore-garbage. Invalid input
 * prints what decoded before it, then `${program}: invalid input`, status 1.
 */
import type { CommandResult, Program } from '../types.ts';
import { has, lastValue, parseCommandLine, usageError } from './command-line.ts';
import { readInput } from './input-files.ts';

const SPECS = [
  { name: 'd', short: 'd', long: 'decode' },
  { name: 'i', short: 'i', long: 'ignore-garbage' },
  { name: 'w', short: 'w', long: 'wrap', argument: 'required' as const },
];

const ALPHABET = /^[A-Za-z0-9+/]$/;

/** Decodes 4-character groups; padded groups may follow each other (GNU decodes `aGk=aGk=`). */
function decode(text: string): { bytes: Buffer; valid: boolean } {
  const chunks: Buffer[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const group = text.slice(i, i + 4);
    const m = /^([A-Za-z0-9+/]{2,4})(=*)$/.exec(group);
    const usable = m ? m[1] : [...group].filter((c) => ALPHABET.test(c)).join('');
    const complete = m !== null && group.length === 4 && (m[2].length === 0 || m[1].length + m[2].length === 4);
    if (!complete) {
      if (usable.length >= 2 && [...group].every((c) => ALPHABET.test(c) || c === '=')) chunks.push(Buffer.from(usable, 'base64'));
      return { bytes: Buffer.concat(chunks), valid: false };
    }
    chunks.push(Buffer.from(m![1], 'base64'));
  }
  return { bytes: Buffer.concat(chunks), valid: true };
}

export const base64: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  if (parsed.operands.length > 1) return usageError(program, `extra operand '${parsed.operands[1]}'`, 1);
  const wrapValue = lastValue(o, 'w') ?? '76';
  if (!/^\d+$/.test(wrapValue)) return { stdout: '', stderr: `${program}: invalid wrap size: '${wrapValue}'\n`, exitCode: 1 };
  const input = readInput(ctx, parsed.operands[0] ?? '-', { stdin: false });
  if ('error' in input) return { stdout: '', stderr: `${program}: ${input.name}: ${input.error}\n`, exitCode: 1 };
  if (has(o, 'd')) {
    let text = input.text.replace(/\n/g, '');
    if (has(o, 'i')) text = text.replace(/[^A-Za-z0-9+/=]/g, '');
    const { bytes, valid } = decode(text);
    return { stdout: bytes.toString('utf8'), stderr: valid ? '' : `${program}: invalid input\n`, exitCode: valid ? 0 : 1 };
  }
  const encoded = Buffer.from(input.text, 'utf8').toString('base64');
  const wrap = Number(wrapValue);
  if (encoded === '') return { stdout: '', stderr: '', exitCode: 0 };
  if (wrap === 0) return { stdout: encoded, stderr: '', exitCode: 0 };
  let out = '';
  for (let i = 0; i < encoded.length; i += wrap) out += `${encoded.slice(i, i + wrap)}\n`;
  return { stdout: out, stderr: '', exitCode: 0 };
};
