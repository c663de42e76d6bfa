/**
 * `iptables` and `iptables-save` on a kind node (iptables v1.8.9, nf_tables),
 * reading kube-proxy's tables of that node (src/kubeproxy/iptables: the
 * printers are kube-proxy's, checked against the real iptables). The command
 * line follows iptables' own parser (iptables/xshared.c): options bundle
 * (`-nvL`), `-L` and `-S` take a chain only as the very next argument, any
 * other stray word is a "Bad argument", and the texts of its errors and exit
 * codes (2 for usage, 1 for a missing chain, 3 for an unknown table) are the
 * real ones, checked on this machine.
 */
import { iptablesListRules, iptablesSave, IPTABLES_VERSION } from '../../kubeproxy/iptables/iptables-save.ts';
import { iptablesList, type ListOptions } from '../../kubeproxy/iptables/list-format.ts';
import type { IptablesProxier } from '../../kubeproxy/iptables/iptables-proxier.ts';
import type { TableName } from '../../kubeproxy/iptables/rule.ts';
import type { CommandResult, Program } from '../../shell/types.ts';

/** What the iptables tools of a node read: its proxier (undefined in IPVS mode) and the clock. */
export interface IptablesSource {
  proxier(): IptablesProxier | undefined;
  now(): number;
}

const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";
const TABLES = new Set(['mangle', 'filter', 'nat']);

function usage(message: string): CommandResult {
  return { stdout: '', stderr: `${message}\n${TRY}`, exitCode: 2 };
}

/** IPVS mode's rules (ipsets, KUBE-IPVS chains) are not modelled: say so instead of printing the wrong ones. */
const IPVS_RULES_UNSIMULATED: CommandResult = { stdout: '', stderr: 'kube-scenarios: the iptables rules kube-proxy writes in IPVS mode are not simulated; use ipvsadm -Ln\n', exitCode: 126 };

export function iptablesSaveProgram(source: IptablesSource): Program {
  return (ctx) => {
    const proxier = source.proxier();
    if (!proxier) return IPVS_RULES_UNSIMULATED;
    const args = ctx.argv.slice(1);
    let table: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-t' || a === '--table') table = args[++i];
      else if (a.startsWith('--table=')) table = a.slice('--table='.length);
      else if (a.startsWith('-t') && a.length > 2) table = a.slice(2);
      else if (a === '-c' || a === '--counters') continue;
      else return { stdout: '', stderr: `iptables-save: unrecognized option '${a}'\n`, exitCode: 1 };
    }
    return iptablesSave(proxier.tables(), source.now(), table);
  };
}

type Command = { kind: 'list'; chain?: string } | { kind: 'rules'; chain?: string };

export function iptablesProgram(source: IptablesSource): Program {
  return (ctx) => {
    const args = ctx.argv.slice(1);
    let table = 'filter';
    let command: Command | undefined;
    const list: ListOptions = {};
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const takesChain = () => (i + 1 < args.length && !args[i + 1].startsWith('-') ? args[++i] : undefined);
      if (a === '--version' || a === '-V') return { stdout: `iptables ${IPTABLES_VERSION}\n`, stderr: '', exitCode: 0 };
      if (a === '-t' || a === '--table') {
        if (i + 1 >= args.length) return usage(`iptables ${IPTABLES_VERSION}: option "${a}" requires an argument`);
        table = args[++i];
        continue;
      }
      if (a === '--list' || a === '--list-rules') {
        command = a === '--list' ? { kind: 'list', chain: takesChain() } : { kind: 'rules', chain: takesChain() };
        continue;
      }
      if (a === '--numeric') list.numeric = true;
      else if (a === '--verbose') list.verbose = true;
      else if (a === '--exact') list.exact = true;
      else if (a === '--line-numbers' || a === '--line') list.lineNumbers = true;
      else if (a.startsWith('-') && !a.startsWith('--') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const letter = a[j];
          const last = j === a.length - 1;
          if (letter === 'n') list.numeric = true;
          else if (letter === 'v') list.verbose = true;
          else if (letter === 'x') list.exact = true;
          else if (letter === 'L' || letter === 'S') {
            const chain = last ? takesChain() : undefined;
            command = letter === 'L' ? { kind: 'list', chain } : { kind: 'rules', chain };
          } else if (letter === 't') {
            table = last ? args[++i] ?? '' : a.slice(j + 1);
            break;
          } else return usage(`iptables ${IPTABLES_VERSION}: unknown option "-${letter}"`);
        }
      } else if (a.startsWith('--')) return usage(`iptables ${IPTABLES_VERSION}: unknown option "${a}"`);
      else if (command && command.chain !== undefined) return usage(`iptables ${IPTABLES_VERSION}: Invalid rule number \`${a}'`);
      else return usage(`Bad argument \`${a}'`);
    }
    if (!TABLES.has(table)) return { stdout: '', stderr: `iptables ${IPTABLES_VERSION}: table '${table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, exitCode: 3 };
    if (!command) return usage(`iptables ${IPTABLES_VERSION}: no command specified`);
    const proxier = source.proxier();
    if (!proxier) return IPVS_RULES_UNSIMULATED;
    const tables = proxier.tables();
    if (command.kind === 'rules') return iptablesListRules(tables, table as TableName, command.chain);
    return iptablesList(tables, table as TableName, { ...list, chain: command.chain });
  };
}
