/** `exit`, `return`, `break` and `continue`. */
import { ExitSignal, LoopSignal, ReturnSignal } from '../interpreter/signals.ts';
import { parseCount, type Builtin } from './builtin.ts';

export const exit: Builtin = {
  special: true,
  run(host, argv, fds) {
    const status = argv[1] === undefined ? host.lastStatus : parseCount(host, fds, 'exit', argv[1]) & 255;
    throw new ExitSignal(status);
  },
};

export const returnBuiltin: Builtin = {
  special: true,
  run(host, argv, fds) {
    const status = argv[1] === undefined ? host.lastStatus : parseCount(host, fds, 'return', argv[1]) & 255;
    // Outside a function `return` ends a `sh -c` script like exit (dash, ash).
    if (host.functionDepth === 0) throw new ExitSignal(status);
    throw new ReturnSignal(status);
  },
};

function loopControl(kind: 'break' | 'continue'): Builtin {
  return {
    special: true,
    run(host, argv, fds) {
      const levels = argv[1] === undefined ? 1 : parseCount(host, fds, kind, argv[1], { positive: true });
      // Outside a loop both shells do nothing; more levels than loops leave all of them.
      if (host.loopDepth === 0) return 0;
      throw new LoopSignal(kind, Math.min(levels, host.loopDepth));
    },
  };
}

export const breakBuiltin = loopControl('break');
export const continueBuiltin = loopControl('continue');
