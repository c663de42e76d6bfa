/**
 * The character classes of the C (POSIX) locale, as JavaScript character-class
 * bodies: what `[[:alpha:]]` means to the shell's patterns, grep, sed and tr
 * in the locale our places run in (POSIX XBD 7.3.1, LC_CTYPE).
 */
export const C_LOCALE_CLASSES: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9a-zA-Z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\v\\f\\r',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};
