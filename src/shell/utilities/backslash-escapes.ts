/**
 * Backslash escapes of `echo -e` and `printf`'s `%b` (GNU coreutils
 * src/echo.c, src/printf.c; checked with /bin/echo and /usr/bin/printf):
 * \\ \a \b \c \e \f \n \r \t \v, octal \0NNN (and \NNN), hex \xHH. Anything
 * else stays as written. `\c` stops all further output.
 */

const SIMPLE: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

export interface Decoded {
  text: string;
  /** A `\c` was met: the program prints nothing more. */
  stop: boolean;
}

/** Decodes echo-style escapes; `hex` turns \xHH on (GNU and busybox, not dash). */
export function decodeEchoEscapes(input: string, options: { hex: boolean } = { hex: true }): Decoded {
  if (!input.includes('\\')) return { text: input, stop: false };
  let text = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c !== '\\' || i + 1 >= input.length) {
      text += c;
      continue;
    }
    const next = input[i + 1];
    if (next === 'c') return { text, stop: true };
    if (SIMPLE[next] !== undefined) {
      text += SIMPLE[next];
      i++;
      continue;
    }
    if (next >= '0' && next <= '7') {
      // \0NNN takes up to three digits after the 0; \NNN up to three in all.
      let j = next === '0' ? i + 2 : i + 1;
      let digits = '';
      while (digits.length < 3 && j < input.length && input[j] >= '0' && input[j] <= '7') digits += input[j++];
      text += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i = j - 1;
      continue;
    }
    if (next === 'x' && options.hex && /[0-9a-fA-F]/.test(input[i + 2] ?? '')) {
      let j = i + 2;
      let digits = '';
      while (digits.length < 2 && /[0-9a-fA-F]/.test(input[j] ?? '')) digits += input[j++];
      text += String.fromCharCode(parseInt(digits, 16));
      i = j - 1;
      continue;
    }
    text += c;
  }
  return { text, stop: false };
}
