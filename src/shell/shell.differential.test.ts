/**
 * Differential tests: every script of the tables runs in a real shell of this
 * machine and in ours; outputs, statuses and resulting files must be
 * identical. Language and utility scripts run against /bin/sh (dash) with GNU
 * tools; the failing scripts also against busybox ash. A table whose real
 * shell is missing is skipped with the reason printed.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MESSAGE_CASES } from './differential/message-cases.ts';
import { realShell, runOurs, runReal, type ScriptCase } from './differential/real-shell.ts';
import { LANGUAGE_CASES } from './differential/shell-cases.ts';
import { UTILITY_CASES } from './differential/utility-cases.ts';

function compare(title: string, dialect: 'ash' | 'dash', cases: ScriptCase[]): void {
  const shell = realShell(dialect);
  describe(title, { skip: 'missing' in shell ? shell.missing : false }, () => {
    for (const c of cases) {
      it(c.name, async () => {
        if ('missing' in shell) return;
        const { cwd, ...real } = runReal(shell.command, c);
        const ours = await runOurs(c, dialect, cwd);
        expect(ours, c.script).to.deep.equal(real);
      });
    }
  });
}

compare('the shell language against /bin/sh (dash)', 'dash', LANGUAGE_CASES);
compare('the utilities against GNU coreutils, grep and sed', 'dash', UTILITY_CASES);
compare('error messages against dash', 'dash', MESSAGE_CASES);
// The real busybox finds dash as `sh` on PATH, so scripts that start a nested sh are left to dash.
compare('error messages against busybox ash', 'ash', MESSAGE_CASES.filter((c) => !/(^|; )sh /.test(c.script)));
compare('the shell language against busybox ash', 'ash', LANGUAGE_CASES.filter((c) => !/\becho -n|echo "tab/.test(c.script)));
