/**
 * A rule as `iptables-save` v1.8.9 (nf_tables) prints it back: addresses first
 * with their prefix length, then `-p`, then the match modules in the order they
 * were given with each module's options as its save() function prints them
 * (iptables extensions libxt_*.c), then the target. Checked byte for byte
 * against iptables v1.8.9 (nf_tables) on this machine (see the tests).
 */
import { formatCidr, parseCidr } from '../ipv4.ts';
import { savedProbability } from '../probability.ts';
import type { Rule, RuleArg, RuleTarget } from './rule.ts';

/** xtables_save_string: always double-quoted, with `"` and `\` escaped. */
export function quoteForSave(text: string): string {
  return '"' + text.replace(/[\\"]/g, (c) => '\\' + c) + '"';
}

function savedAddress(addr: string): string {
  const cidr = parseCidr(addr);
  return cidr ? formatCidr(cidr) : addr;
}

/** Printed "0x4000/0x4000"; a mask of all ones is dropped (libxt_mark.c print_mark). */
function savedMark(value: string): string {
  const [v, m] = value.split('/');
  const hex = (s: string) => '0x' + Number(s).toString(16);
  if (m === undefined || Number(m) === 0xffffffff) return hex(v);
  return `${hex(v)}/${hex(m)}`;
}

function moduleOf(arg: RuleArg): string | undefined {
  switch (arg.k) {
    case 'comment':
      return 'comment';
    case 'proto':
      return arg.module ? arg.p : undefined;
    case 'addrtype':
    case 'statistic':
    case 'recent':
    case 'mark':
    case 'nfacct':
    case 'set':
      return arg.k;
    case 'ctstate':
      return 'conntrack';
    case 'physdevNotIn':
      return 'physdev';
    default:
      return undefined;
  }
}

function savedModule(module: string, args: RuleArg[]): string {
  let out = ` -m ${module}`;
  for (const arg of args) {
    switch (arg.k) {
      case 'comment':
        out += ` --comment ${quoteForSave(arg.text)}`;
        break;
      case 'addrtype':
        out += ` ${arg.neg ? '! ' : ''}--${arg.dir}-type ${arg.type}`;
        break;
      case 'statistic':
        out += ` --mode random --probability ${savedProbability(arg.probability)}`;
        break;
      case 'recent':
        out +=
          arg.rcheckSeconds === undefined
            ? ` --set --name ${arg.name} --mask 255.255.255.255 --rsource`
            : ` --rcheck --seconds ${arg.rcheckSeconds} --reap --name ${arg.name} --mask 255.255.255.255 --rsource`;
        break;
      case 'mark':
        out += ` ${arg.neg ? '! ' : ''}--mark ${savedMark(arg.value)}`;
        break;
      case 'ctstate':
        out += ` ${arg.neg ? '! ' : ''}--ctstate ${arg.states}`;
        break;
      case 'nfacct':
        // libxt_nfacct.c prints "--nfacct-name " and xtables_save_string its own leading space:
        // two spaces, as iptables 1.8.9 prints it (testdata/kind-node.iptables-save.txt).
        out += ` --nfacct-name  ${arg.name}`;
        break;
      case 'set':
        out += ` --match-set ${arg.name} ${arg.flags}`;
        break;
      case 'physdevNotIn':
        out += ' ! --physdev-is-in';
        break;
      default:
        break;
    }
  }
  // libxt_tcp/udp save: source port before destination port.
  const sport = args.find((a) => a.k === 'sport');
  const dport = args.find((a) => a.k === 'dport');
  if (sport && sport.k === 'sport') out += ` --sport ${sport.port}`;
  if (dport && dport.k === 'dport') out += ` --dport ${dport.port}`;
  return out;
}

function savedTarget(target: RuleTarget): string {
  switch (target.k) {
    case 'jump':
      return ` -j ${target.chain}`;
    case 'REJECT':
      return ' -j REJECT --reject-with icmp-port-unreachable';
    case 'DNAT':
      return ` -j DNAT --to-destination ${target.to}`;
    case 'SNAT':
      return ` -j SNAT --to-source ${target.to}`;
    case 'MASQUERADE':
      return target.randomFully ? ' -j MASQUERADE --random-fully' : ' -j MASQUERADE';
    case 'MARK':
      // libxt_MARK.c mark_tg_save (revision 2): --or-mark V is --set-xmark V/V, --xor-mark V is --set-xmark V/0x0.
      return target.op === 'or' ? ` -j MARK --set-xmark ${target.value}/${target.value}` : ` -j MARK --set-xmark ${target.value}/0x0`;
    default:
      return ` -j ${target.k}`;
  }
}

/** Groups a rule's arguments by match module, in order of first appearance; port options join their protocol's module. */
export function matchModules(rule: Rule): { module: string; args: RuleArg[] }[] {
  const modules: { module: string; args: RuleArg[] }[] = [];
  let protoModule: { module: string; args: RuleArg[] } | undefined;
  for (const arg of rule.args) {
    const module = moduleOf(arg);
    if (module) {
      let entry = modules.find((m) => m.module === module);
      if (!entry) modules.push((entry = { module, args: [] }));
      entry.args.push(arg);
      if (arg.k === 'proto') protoModule = entry;
    } else if (arg.k === 'dport' || arg.k === 'sport') {
      protoModule?.args.push(arg);
    }
  }
  return modules;
}

/** The `-A ...` line iptables-save prints for a rule. */
export function saveLine(rule: Rule): string {
  let line = `-A ${rule.chain}`;
  const src = rule.args.find((a) => a.k === 'src');
  const dst = rule.args.find((a) => a.k === 'dst');
  const proto = rule.args.find((a) => a.k === 'proto');
  if (src && src.k === 'src') line += `${src.neg ? ' !' : ''} -s ${savedAddress(src.addr)}`;
  if (dst && dst.k === 'dst') line += `${dst.neg ? ' !' : ''} -d ${savedAddress(dst.addr)}`;
  if (proto && proto.k === 'proto') line += ` -p ${proto.p}`;
  for (const { module, args } of matchModules(rule)) line += savedModule(module, args);
  if (rule.target) line += savedTarget(rule.target);
  return line;
}
