/**
 * The shells' own `echo`. busybox ash's is GNU's (options -n -e -E); dash's
 * follows XSI: only -n is an option and backslash escapes are always
 * decoded, without \x (checked with `dash -c 'echo "a\101\x41"'`).
 */
import { outputOf } from '../interpreter/io.ts';
import { decodeEchoEscapes } from '../utilities/backslash-escapes.ts';
import { echo as gnuEcho } from '../utilities/echo.ts';
import type { Builtin } from './builtin.ts';

export const echoBuiltin: Builtin = {
  special: false,
  async run(host, argv, fds) {
    if (host.dialect === 'ash') {
      const result = await gnuEcho(host.programContext(argv, fds));
      outputOf(fds, 1).write(result.stdout);
      return 0;
    }
    const args = argv.slice(1);
    const newline = args[0] !== '-n';
    if (!newline) args.shift();
    const decoded = decodeEchoEscapes(args.join(' '), { hex: false });
    outputOf(fds, 1).write(decoded.stop || !newline ? decoded.text : `${decoded.text}\n`);
    return 0;
  },
};
