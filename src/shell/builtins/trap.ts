/**
 * `trap` and `wait`. Commands run in sequence here, so there is nothing to
 * wait for and no signal arrives: only the EXIT trap runs, when the shell ends.
 */
import type { Builtin } from './builtin.ts';

export const trap: Builtin = {
  special: true,
  run(host, argv) {
    const args = argv.slice(1);
    if (args.length < 2) return 0;
    const [action, ...conditions] = args;
    for (const condition of conditions) {
      const name = condition === '0' ? 'EXIT' : condition.replace(/^SIG/, '');
      if (action === '-') host.traps.delete(name);
      else host.traps.set(name, action);
    }
    return 0;
  },
};

export const wait: Builtin = { special: false, run: () => 0 };
