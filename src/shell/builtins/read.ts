/**
 * `read [-r] [-p prompt] NAME...`: one line of standard input split on IFS
 * into the names, the last taking the rest. Without -r a backslash escapes
 * the next character and joins continued lines. Status 1 at end of input,
 * even when a last line without a newline was read (dash, ash).
 */
import { inputOf } from '../interpreter/io.ts';
import { illegalOption, type Builtin } from './builtin.ts';

export const read: Builtin = {
  special: false,
  run(host, argv, fds) {
    let raw = false;
    const args = argv.slice(1);
    while (args[0]?.startsWith('-') && args[0].length > 1) {
      const option = args.shift()!;
      if (option === '--') break;
      if (option === '-r') raw = true;
      else if (option === '-p') args.shift();
      else return illegalOption(host, fds, 'read', option);
    }
    let names = args;
    if (names.length === 0) {
      // dash needs a name; ash reads into REPLY.
      if (host.dialect === 'dash') {
        host.builtinError(fds, 'read', 'arg count');
        return 2;
      }
      names = ['REPLY'];
    }
    const input = inputOf(fds, 0);
    let text = '';
    let terminated = false;
    let gotAny = false;
    for (;;) {
      const next = input.readLine();
      if (!next) break;
      gotAny = true;
      terminated = next.terminated;
      let line = next.line;
      if (!raw && line.endsWith('\\') && !line.endsWith('\\\\') && next.terminated) {
        text += line.slice(0, -1);
        continue;
      }
      if (!raw) line = line.replace(/\\(.)/g, '$1');
      text += line;
      break;
    }
    const ifs = host.vars.get('IFS') ?? ' \t\n';
    const values = splitForRead(text, ifs, names.length);
    names.forEach((name, i) => host.vars.set(name, values[i] ?? ''));
    return gotAny && terminated ? 0 : 1;
  },
};

/** Splits a line into at most `count` fields; the last keeps the rest, trailing IFS white space removed. */
function splitForRead(text: string, ifs: string, count: number): string[] {
  const white = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  const isWhite = (c: string) => white.includes(c);
  const isIfs = (c: string) => ifs.includes(c);
  const fields: string[] = [];
  let i = 0;
  while (i < text.length && isWhite(text[i])) i++;
  while (i < text.length && fields.length < count - 1) {
    let end = i;
    while (end < text.length && !isIfs(text[end])) end++;
    fields.push(text.slice(i, end));
    i = end;
    while (i < text.length && isWhite(text[i])) i++;
    if (i < text.length && isIfs(text[i]) && !isWhite(text[i])) {
      i++;
      while (i < text.length && isWhite(text[i])) i++;
    }
  }
  let rest = text.slice(i);
  let end = rest.length;
  while (end > 0 && isWhite(rest[end - 1])) end--;
  rest = rest.slice(0, end);
  if (rest !== '' || fields.length < count) fields.push(rest);
  return fields;
}
