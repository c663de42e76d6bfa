/**
 * One iptables rule as a list of typed arguments, kept in the order its author
 * wrote them. The same rule renders as kube-proxy's iptables-restore input (that
 * order, pkg/proxy/iptables/proxier.go), as iptables-save prints it back
 * (save-format.ts), as `iptables -L` lists it (list-format.ts), and is evaluated
 * by the packet walker.
 */

export type TableName = 'mangle' | 'filter' | 'nat';
export type L4Protocol = 'tcp' | 'udp' | 'sctp';

export type RuleArg =
  | { k: 'comment'; text: string }
  /** `-p tcp`; with `module`, kube-proxy's `-m tcp -p tcp`. */
  | { k: 'proto'; p: L4Protocol; module: boolean }
  | { k: 'src'; addr: string; neg?: boolean }
  | { k: 'dst'; addr: string; neg?: boolean }
  | { k: 'dport'; port: number }
  | { k: 'sport'; port: number }
  | { k: 'addrtype'; dir: 'src' | 'dst'; type: 'LOCAL'; neg?: boolean }
  | { k: 'statistic'; probability: string }
  /** `-m recent --name N --set`, or with `rcheckSeconds` `--rcheck --seconds S --reap`. */
  | { k: 'recent'; name: string; rcheckSeconds?: number }
  | { k: 'mark'; value: string; neg?: boolean }
  | { k: 'ctstate'; states: string; neg?: boolean }
  | { k: 'nfacct'; name: string }
  /** `-m set --match-set NAME dst,dst` (IPVS mode). */
  | { k: 'set'; name: string; flags: string }
  /** `-m physdev ! --physdev-is-in` (IPVS mode external IP rules). */
  | { k: 'physdevNotIn' };

export type RuleTarget =
  | { k: 'jump'; chain: string }
  | { k: 'ACCEPT' }
  | { k: 'DROP' }
  | { k: 'RETURN' }
  | { k: 'REJECT' }
  | { k: 'DNAT'; to: string }
  | { k: 'SNAT'; to: string }
  | { k: 'MASQUERADE'; randomFully?: boolean }
  | { k: 'MARK'; op: 'or' | 'xor'; value: string };

export interface Rule {
  chain: string;
  args: RuleArg[];
  /** Absent for a rule that only counts (KUBE-FW's last rule). */
  target?: RuleTarget;
}

/** A comment as kube-proxy passes it on the restore line: quoted when it has a blank. */
function restoreComment(text: string): string {
  return text.includes(' ') ? `"${text}"` : text;
}

function restoreArg(arg: RuleArg): string {
  switch (arg.k) {
    case 'comment':
      return `-m comment --comment ${restoreComment(arg.text)}`;
    case 'proto':
      return arg.module ? `-m ${arg.p} -p ${arg.p}` : `-p ${arg.p}`;
    case 'src':
      return `${arg.neg ? '! ' : ''}-s ${arg.addr}`;
    case 'dst':
      return `${arg.neg ? '! ' : ''}-d ${arg.addr}`;
    case 'dport':
      return `--dport ${arg.port}`;
    case 'sport':
      return `--sport ${arg.port}`;
    case 'addrtype':
      return `-m addrtype ${arg.neg ? '! ' : ''}--${arg.dir}-type ${arg.type}`;
    case 'statistic':
      return `-m statistic --mode random --probability ${arg.probability}`;
    case 'recent':
      return arg.rcheckSeconds === undefined
        ? `-m recent --name ${arg.name} --set`
        : `-m recent --name ${arg.name} --rcheck --seconds ${arg.rcheckSeconds} --reap`;
    case 'mark':
      return `-m mark ${arg.neg ? '! ' : ''}--mark ${arg.value}`;
    case 'ctstate':
      return `-m conntrack ${arg.neg ? '! ' : ''}--ctstate ${arg.states}`;
    case 'nfacct':
      return `-m nfacct --nfacct-name ${arg.name}`;
    case 'set':
      return `-m set --match-set ${arg.name} ${arg.flags}`;
    case 'physdevNotIn':
      return '-m physdev ! --physdev-is-in';
  }
}

function restoreTarget(target: RuleTarget): string {
  switch (target.k) {
    case 'jump':
      return `-j ${target.chain}`;
    case 'DNAT':
      return `-j DNAT --to-destination ${target.to}`;
    case 'SNAT':
      return `-j SNAT --to-source ${target.to}`;
    case 'MASQUERADE':
      return target.randomFully ? '-j MASQUERADE --random-fully' : '-j MASQUERADE';
    case 'MARK':
      return `-j MARK --${target.op}-mark ${target.value}`;
    default:
      return `-j ${target.k}`;
  }
}

/** The rule as kube-proxy writes it to iptables-restore: `-A CHAIN args... -j TARGET`. */
export function restoreLine(rule: Rule): string {
  let line = `-A ${rule.chain}`;
  for (const arg of rule.args) line += ' ' + restoreArg(arg);
  if (rule.target) line += ' ' + restoreTarget(rule.target);
  return line;
}

/** The chain a rule jumps to, if its target is a user chain. */
export function jumpTarget(rule: Rule): string | undefined {
  return rule.target?.k === 'jump' ? rule.target.chain : undefined;
}
