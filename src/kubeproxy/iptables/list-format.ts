/**
 * `iptables [-t table] -L [chain] [-n] [-v] [-x] [--line-numbers]` output, as
 * iptables v1.8.9 (nf_tables) prints it (iptables/nft-shared.c print_rule_details,
 * print_ipv4_addresses and the extensions' print functions). Counters are zero:
 * the simulation does not count packets.
 */
import type { CommandResult } from '../../shell/types.ts';
import { formatCidrForListing, parseCidr } from '../ipv4.ts';
import { savedProbability } from '../probability.ts';
import { chainMissing } from './iptables-save.ts';
import { jumpTarget, type Rule, type RuleArg, type RuleTarget, type TableName } from './rule.ts';
import { matchModules } from './save-format.ts';
import { portName } from './service-names.ts';
import type { TableView } from './tables.ts';

export interface ListOptions {
  chain?: string;
  /** -n */
  numeric?: boolean;
  /** -v */
  verbose?: boolean;
  /** -x */
  exact?: boolean;
  /** --line-numbers */
  lineNumbers?: boolean;
}

const PROTO_NUMBERS: Record<string, string> = { tcp: '6', udp: '17', sctp: '132' };

/**
 * Names iptables prints without -n: networks from /etc/networks and hosts from
 * /etc/hosts of a Debian node (xtables_ipaddr_to_anyname); other addresses have
 * no reverse name on a kind node and print as numbers.
 */
const NETWORK_NAMES: Record<string, string> = { '127.0.0.0': 'loopback', '169.254.0.0': 'link-local' };
const HOST_NAMES: Record<string, string> = { '127.0.0.1': 'localhost' };

function address(arg: RuleArg | undefined, numeric: boolean): { inv: string; text: string } {
  if (!arg || (arg.k !== 'src' && arg.k !== 'dst')) return { inv: ' ', text: numeric ? '0.0.0.0/0' : 'anywhere' };
  const cidr = parseCidr(arg.addr);
  let text = cidr ? formatCidrForListing(cidr) : arg.addr;
  if (!numeric && cidr) {
    const [net, len] = text.split('/');
    const name = len === undefined ? HOST_NAMES[net] : NETWORK_NAMES[net];
    if (name) text = len === undefined ? name : `${name}/${len}`;
  }
  return { inv: arg.neg ? '!' : ' ', text };
}

function moduleText(module: string, args: RuleArg[], numeric: boolean): string {
  let out = '';
  for (const arg of args) {
    switch (arg.k) {
      case 'comment':
        out += ` /* ${arg.text} */`;
        break;
      case 'proto': {
        out += ` ${arg.p}`;
        const sport = args.find((a) => a.k === 'sport');
        const dport = args.find((a) => a.k === 'dport');
        const name = (p: number) => (numeric ? String(p) : portName(arg.p, p));
        if (sport && sport.k === 'sport') out += ` spt:${name(sport.port)}`;
        if (dport && dport.k === 'dport') out += ` dpt:${name(dport.port)}`;
        break;
      }
      case 'addrtype':
        out += ` ADDRTYPE match ${arg.dir}-type ${arg.neg ? '!' : ''}${arg.type}`;
        break;
      case 'statistic':
        out += ` statistic mode random probability ${savedProbability(arg.probability)}`;
        break;
      case 'recent':
        out +=
          arg.rcheckSeconds === undefined
            ? ` recent: SET name: ${arg.name} side: source mask: 255.255.255.255`
            : ` recent: CHECK seconds: ${arg.rcheckSeconds} reap name: ${arg.name} side: source mask: 255.255.255.255`;
        break;
      case 'mark':
        out += ` mark match ${arg.neg ? '! ' : ''}${arg.value}`;
        break;
      case 'ctstate':
        out += ` ${arg.neg ? '! ' : ''}ctstate ${arg.states}`;
        break;
      case 'nfacct':
        out += ` nfacct-name  ${arg.name}`;
        break;
      case 'set':
        out += ` match-set ${arg.name} ${arg.flags}`;
        break;
      case 'physdevNotIn':
        out += ' PHYSDEV match ! --physdev-is-in';
        break;
      default:
        break;
    }
  }
  return out;
}

function targetName(target: RuleTarget | undefined): string {
  if (!target) return '';
  return jumpTarget({ chain: '', args: [], target }) ?? target.k;
}

function targetText(target: RuleTarget | undefined): string {
  switch (target?.k) {
    case 'DNAT':
    case 'SNAT':
      return ` to:${target.to}`;
    case 'MARK':
      return ` MARK ${target.op} ${target.value}`;
    case 'MASQUERADE':
      return target.randomFully ? ' random-fully' : '';
    case 'REJECT':
      return ' reject-with icmp-port-unreachable';
    default:
      return '';
  }
}

function counter(exact: boolean): string {
  return exact ? '       0 ' : '    0 ';
}

/** One rule's line. */
export function listLine(rule: Rule, index: number, options: ListOptions): string {
  const numeric = options.numeric ?? false;
  let line = '';
  if (options.lineNumbers) line += String(index + 1).padEnd(4) + ' ';
  if (options.verbose) line += counter(options.exact ?? false) + counter(options.exact ?? false);
  line += targetName(rule.target).padEnd(9) + ' ';
  const proto = rule.args.find((a) => a.k === 'proto');
  const protoText = proto && proto.k === 'proto' ? (numeric ? PROTO_NUMBERS[proto.p] : proto.p) : numeric ? '0' : 'all';
  line += ' ' + protoText.padEnd(5) + '-- ';
  if (options.verbose) line += ' ' + '*'.padEnd(6) + ' ' + '*'.padEnd(6) + ' ';
  const src = address(rule.args.find((a) => a.k === 'src'), numeric);
  const dst = address(rule.args.find((a) => a.k === 'dst'), numeric);
  line += src.inv + src.text.padEnd(19) + ' ' + dst.inv + dst.text.padEnd(19) + ' ';
  for (const { module, args } of matchModules(rule)) line += moduleText(module, args, numeric);
  line += targetText(rule.target);
  return line;
}

function header(options: ListOptions): string {
  let line = '';
  if (options.lineNumbers) line += 'num  ';
  if (options.verbose) line += options.exact ? '    pkts      bytes ' : ' pkts bytes ';
  line += 'target     prot opt ';
  if (options.verbose) line += 'in     out     ';
  return line + 'source               destination         ';
}

/** Rules in a table that jump to `chain` (the "(N references)" of a user chain). */
function references(table: TableView, chain: string): number {
  let n = 0;
  for (const c of table.chains) for (const r of c.rules) if (jumpTarget(r) === chain) n++;
  return n;
}

/** `iptables -t <table> -L ...` */
export function iptablesList(tables: Record<TableName, TableView>, table: TableName, options: ListOptions = {}): CommandResult {
  const view = tables[table];
  const chains = options.chain === undefined ? view.chains : view.chains.filter((c) => c.name === options.chain);
  if (chains.length === 0) return { stdout: '', stderr: chainMissing(options.chain!, table), exitCode: 1 };
  const blocks = chains.map((chain) => {
    const title = chain.policy
      ? `Chain ${chain.name} (policy ${chain.policy}${options.verbose ? ' 0 packets, 0 bytes' : ''})`
      : `Chain ${chain.name} (${references(view, chain.name)} references)`;
    return [title, header(options), ...chain.rules.map((r, i) => listLine(r, i, options))].join('\n') + '\n';
  });
  return { stdout: blocks.join('\n'), stderr: '', exitCode: 0 };
}
