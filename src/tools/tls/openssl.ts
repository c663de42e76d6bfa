/**
 * The `openssl` program of a user's machine (OpenSSL 3.0.19, as on Debian 12):
 * `genrsa`, `req`, `x509`, `verify`, `rsa` and `version`. Keys are real, so a real
 * openssl reads what this one writes. `s_client` needs a network connection
 * and is not offered.
 */
import type { Program } from '../../shell/types.ts';
import { genrsa } from './openssl-genrsa.ts';
import { req } from './openssl-req.ts';
import { rsa } from './openssl-rsa.ts';
import { verify } from './openssl-verify.ts';
import { x509 } from './openssl-x509.ts';
import type { TlsToolDeps } from './tool-deps.ts';

export const OPENSSL_VERSION = 'OpenSSL 3.0.19 27 Jan 2026 (Library: OpenSSL 3.0.19 27 Jan 2026)';

export function opensslProgram(deps: TlsToolDeps): Program {
  return async (ctx) => {
    const [, command, ...args] = ctx.argv;
    switch (command) {
      case undefined:
        // Interactive mode reads commands from stdin; with none it just ends.
        return { stdout: '', stderr: '', exitCode: 0 };
      case 'genrsa':
        return genrsa(ctx, args, deps);
      case 'req':
        return req(ctx, args, deps);
      case 'x509':
        return x509(ctx, args, deps);
      case 'verify':
        return verify(ctx, args, deps);
      case 'rsa':
        return rsa(ctx, args);
      case 'version':
        return { stdout: `${OPENSSL_VERSION}\n`, stderr: '', exitCode: 0 };
      default:
        return { stdout: '', stderr: `Invalid command '${command}'; type "help" for a list.\n`, exitCode: 1 };
    }
  };
}
