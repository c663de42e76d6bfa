/**
 * `$(VAR)` references in env values, command and args
 * (third_party/forked/golang/expansion/expand.go): a defined name is replaced,
 * an undefined one is left as written, `$$` is a literal `$`, any other `$x`
 * stays as is.
 */

/** Expands `input`, asking `lookup` for each referenced name. */
export function expandReferences(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch !== '$' || i + 1 >= input.length) {
      out += ch;
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        // Unterminated reference: the rest of the string stays literal.
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const value = name === '' ? undefined : lookup(name);
      out += value ?? `$(${name})`;
      i = close + 1;
    } else {
      out += `$${next}`;
      i += 2;
    }
  }
  return out;
}
