/**
 * The certificate tools of a user's machine, by name, for a place's
 * ProgramTable: `openssl`, `cfssl`, `cfssljson`. The memory cluster passes its
 * clock and a SeededRandom stream (e.g. `random.derive('tls-tools')`).
 */
import type { Program } from '../../shell/types.ts';
import { cfsslProgram } from './cfssl.ts';
import { cfssljsonProgram } from './cfssljson.ts';
import { opensslProgram } from './openssl.ts';
import type { TlsToolDeps } from './tool-deps.ts';

export function tlsPrograms(deps: TlsToolDeps): Map<string, Program> {
  return new Map<string, Program>([
    ['openssl', opensslProgram(deps)],
    ['cfssl', cfsslProgram(deps)],
    ['cfssljson', cfssljsonProgram()],
  ]);
}
