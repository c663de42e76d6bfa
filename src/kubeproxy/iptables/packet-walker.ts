/**
 * Walks the first packet of a connection through a node's iptables rules the
 * way the kernel does: nat PREROUTING (or OUTPUT for a local process), the
 * filter table, then nat POSTROUTING, evaluating each rule's matches
 * (statistic with the seeded random stream, recent lists on the virtual clock,
 * marks, address types) and applying DNAT, MARK and MASQUERADE.
 *
 * Simulation shortcut: nat KUBE-SERVICES is looked up by destination ip:port
 * instead of scanned; `kernelRulesEvaluated` still counts the rules a real
 * kernel would have evaluated (linear in the rule's position).
 */
import type { SeededRandom } from '../../random/seeded-random.ts';
import { cidrContains, formatIPv4, parseCidr, parseIPv4, type Cidr } from '../ipv4.ts';
import { kernelProbability } from '../probability.ts';
import type { AffinityTable } from './affinity-table.ts';
import type { IptablesProxier } from './iptables-proxier.ts';
import type { Rule, RuleArg, TableName } from './rule.ts';
import { saveLine } from './save-format.ts';
import { KUBE_NODEPORTS, KUBE_SERVICES } from './service-rules.ts';
import type { TableView } from './tables.ts';

export interface Packet {
  src: string;
  dst: string;
  dstPort: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** Sent by a process on the node itself (hostNetwork, curl on the node): nat OUTPUT instead of PREROUTING. */
  fromLocalProcess: boolean;
  inInterface?: string;
}

export interface MatchedRule {
  table: TableName;
  chain: string;
  /** The rule as iptables-save prints it. */
  rule: string;
}

export interface NatResult {
  /** ACCEPT: delivered (possibly after NAT); REJECT: icmp-port-unreachable, the client sees "Connection refused"; DROP: the client times out. */
  verdict: 'ACCEPT' | 'REJECT' | 'DROP';
  /** Destination after DNAT (unchanged when no rule matched). */
  dst: string;
  dstPort: number;
  /** Source after SNAT/MASQUERADE. */
  src: string;
  dnat: boolean;
  /** KUBE-MARK-MASQ marked the packet (kube-proxy asked for SNAT). */
  markedForMasquerade: boolean;
  /** The source was rewritten by MASQUERADE (kube-proxy's or kindnet's). */
  masqueraded: boolean;
  /** The KUBE-SEP chain that did the DNAT, if any. */
  endpointChain?: string;
  /** Service port name from the service rule's comment, if a service rule matched. */
  servicePortName?: string;
  rules: MatchedRule[];
  /** Rules a real kernel evaluates for this packet (every rule tested, matched or not). */
  kernelRulesEvaluated: number;
}

const MARK_MASQ = 0x4000;

/** A matched rule whose iptables-save text is built only when a trace reads it. */
class LazyMatchedRule implements MatchedRule {
  constructor(
    readonly table: TableName,
    readonly chain: string,
    private readonly source: Rule,
  ) {}

  get rule(): string {
    return saveLine(this.source);
  }
}

/** Parsed addresses: a cluster has few distinct ones and the walker sees them on every packet. */
const addressValues = new Map<string, number>();

function addressValue(text: string): number {
  let value = addressValues.get(text);
  if (value === undefined) {
    value = parseIPv4(text) ?? 0;
    if (addressValues.size > 100_000) addressValues.clear();
    addressValues.set(text, value);
  }
  return value;
}

/** Stored statistic probabilities by the text kube-proxy wrote. */
const fixedPointProbabilities = new Map<string, number>();

function fixedPoint(text: string): number {
  let value = fixedPointProbabilities.get(text);
  if (value === undefined) fixedPointProbabilities.set(text, (value = kernelProbability(text)));
  return value;
}

interface WalkContext {
  proxier: IptablesProxier;
  tables: Record<TableName, TableView>;
  chainMaps: Record<TableName, Map<string, Rule[]>>;
  rng: SeededRandom;
  affinity: AffinityTable;
  nowMs: number;
  local: Cidr[];
  src: number;
  srcText: string;
  dst: number;
  dstText: string;
  dstPort: number;
  proto: string;
  mark: number;
  dnat: boolean;
  result: NatResult;
  table: TableName;
}

type Outcome = 'continue' | 'return' | 'ACCEPT' | 'DROP' | 'REJECT' | 'DNAT' | 'SNAT';

/** Cache of each proxier's assembled tables, rebuilt when the proxier's rules change. */
interface WalkTables {
  stamp: string;
  tables: Record<TableName, TableView>;
  chainMaps: Record<TableName, Map<string, Rule[]>>;
  /** The node's local addresses (addrtype LOCAL): loopback, node IPs, the pod range's gateway. */
  local: Cidr[];
}

const tableCache = new WeakMap<IptablesProxier, WalkTables>();

function tablesOf(proxier: IptablesProxier): WalkTables {
  const stamp = proxier.layoutStamp();
  const cached = tableCache.get(proxier);
  if (cached && cached.stamp === stamp) return cached;
  const tables = proxier.baseTables();
  const chainMaps = {} as Record<TableName, Map<string, Rule[]>>;
  for (const name of ['mangle', 'filter', 'nat'] as TableName[]) chainMaps[name] = new Map(tables[name].chains.map((c) => [c.name, c.rules]));
  const config = proxier.state.config;
  const local: Cidr[] = [parseCidr('127.0.0.0/8')!, ...config.nodeIPs.map((ip) => parseCidr(ip)!)];
  const podCidr = config.podCIDR ? parseCidr(config.podCIDR) : undefined;
  if (podCidr) local.push({ network: podCidr.network + 1, prefix: 32 }); // kindnet puts the .1 address on each pod's host-side veth
  const entry = { stamp, tables, chainMaps, local };
  tableCache.set(proxier, entry);
  return entry;
}

/** Walks one packet; see the module comment. */
export function walkNat(proxier: IptablesProxier, packet: Packet, rng: SeededRandom, affinity: AffinityTable, nowMs: number): NatResult {
  const { tables, chainMaps, local } = tablesOf(proxier);
  const result: NatResult = { verdict: 'ACCEPT', dst: packet.dst, dstPort: packet.dstPort, src: packet.src, dnat: false, markedForMasquerade: false, masqueraded: false, rules: [], kernelRulesEvaluated: 0 };
  const ctx: WalkContext = {
    proxier,
    tables,
    chainMaps,
    rng,
    affinity,
    nowMs,
    local,
    src: addressValue(packet.src),
    srcText: packet.src,
    dst: addressValue(packet.dst),
    dstText: packet.dst,
    dstPort: packet.dstPort,
    proto: packet.protocol.toLowerCase(),
    mark: 0,
    dnat: false,
    result,
    table: 'nat',
  };

  evalChain(ctx, 'nat', packet.fromLocalProcess ? 'OUTPUT' : 'PREROUTING');

  // Locally generated packets to a local address go through OUTPUT and then INPUT.
  const toLocal = isLocal(ctx, ctx.dst);
  const hooks = packet.fromLocalProcess ? (toLocal ? ['OUTPUT', 'INPUT'] : ['OUTPUT']) : toLocal ? ['INPUT'] : ['FORWARD'];
  let verdict: Outcome = 'continue';
  for (const hook of hooks) {
    verdict = evalChain(ctx, 'filter', hook);
    if (verdict === 'DROP' || verdict === 'REJECT') break;
  }
  if (verdict === 'DROP' || verdict === 'REJECT') {
    result.verdict = verdict;
    return finish(ctx);
  }
  evalChain(ctx, 'nat', 'POSTROUTING');
  return finish(ctx);
}

function finish(ctx: WalkContext): NatResult {
  ctx.result.dst = ctx.dstText;
  ctx.result.dstPort = ctx.dstPort;
  ctx.result.src = ctx.srcText;
  ctx.result.dnat = ctx.dnat;
  return ctx.result;
}

function isLocal(ctx: WalkContext, address: number): boolean {
  for (const cidr of ctx.local) if (cidrContains(cidr, address)) return true;
  return false;
}

function evalChain(ctx: WalkContext, table: TableName, chain: string): Outcome {
  if (table === 'nat' && chain === KUBE_SERVICES) return evalKubeServices(ctx);
  if (table === 'nat' && chain === KUBE_NODEPORTS) return evalNodePorts(ctx);
  const rules = ctx.chainMaps[table].get(chain) ?? ctx.proxier.natChain(chain) ?? [];
  return evalRules(ctx, table, rules);
}

function evalRules(ctx: WalkContext, table: TableName, rules: Rule[]): Outcome {
  for (const rule of rules) {
    const outcome = evalRule(ctx, table, rule);
    if (outcome !== 'continue') return outcome === 'return' ? 'continue' : outcome;
  }
  return 'continue';
}

/** nat KUBE-SERVICES through the destination index; counts the rules a kernel would test before it. */
function evalKubeServices(ctx: WalkContext): Outcome {
  const found = ctx.proxier.findServiceRule(ctx.dstText, ctx.dstPort, ctx.proto.toUpperCase());
  const length = ctx.proxier.servicesChainLength();
  if (found) {
    ctx.result.kernelRulesEvaluated += found.position; // the rules before it did not match
    const outcome = evalRule(ctx, 'nat', found.rule);
    if (outcome !== 'continue') return outcome === 'return' ? 'continue' : outcome;
    // Not taken (cannot happen for a destination-indexed rule): fall through to the tail rule.
  } else {
    ctx.result.kernelRulesEvaluated += length - 1;
  }
  return evalRules(ctx, 'nat', ctx.chainMaps.nat.get(KUBE_SERVICES)!);
}

/** nat KUBE-NODEPORTS through the NodePort index. */
function evalNodePorts(ctx: WalkContext): Outcome {
  const portKey = ctx.proxier.findNodePort(ctx.dstPort, ctx.proto.toUpperCase());
  const rules = portKey ? ctx.proxier.servicePortRules(portKey)?.natNodePorts ?? [] : [];
  const outcome = evalRules(ctx, 'nat', rules);
  return outcome;
}

function evalRule(ctx: WalkContext, table: TableName, rule: Rule): Outcome {
  ctx.result.kernelRulesEvaluated++;
  const args = rule.args;
  let recentSets = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!matches(ctx, arg)) return 'continue';
    if (arg.k === 'recent' && arg.rcheckSeconds === undefined) recentSets++;
  }
  // Side effects of matches that passed (recent --set).
  if (recentSets > 0) for (const arg of args) if (arg.k === 'recent' && arg.rcheckSeconds === undefined) ctx.affinity.set(arg.name, ctx.srcText, ctx.nowMs);
  const target = rule.target;
  if (!target) return 'continue';
  ctx.result.rules.push(new LazyMatchedRule(table, rule.chain, rule));
  if (!ctx.result.servicePortName && rule.chain === KUBE_SERVICES && table === 'nat') {
    const comment = args.find((a) => a.k === 'comment');
    if (comment && comment.k === 'comment') ctx.result.servicePortName = comment.text.split(' ')[0];
  }
  switch (target.k) {
    case 'jump':
      return evalChain(ctx, table, target.chain);
    case 'RETURN':
      return 'return';
    case 'MARK':
      if (target.op === 'or' && (Number(target.value) & MARK_MASQ)) ctx.result.markedForMasquerade = true;
      ctx.mark = target.op === 'or' ? ctx.mark | Number(target.value) : ctx.mark ^ Number(target.value);
      return 'continue';
    case 'DNAT': {
      const colon = target.to.indexOf(':');
      const ip = colon < 0 ? target.to : target.to.slice(0, colon);
      ctx.dst = addressValue(ip);
      ctx.dstText = ip;
      if (colon >= 0) ctx.dstPort = Number(target.to.slice(colon + 1));
      ctx.dnat = true;
      ctx.result.endpointChain = rule.chain;
      return 'DNAT';
    }
    case 'SNAT': {
      const colon = target.to.indexOf(':');
      const ip = colon < 0 ? target.to : target.to.slice(0, colon);
      ctx.srcText = ip;
      ctx.src = addressValue(ip);
      return 'SNAT';
    }
    case 'MASQUERADE': {
      const source = masqueradeSource(ctx);
      ctx.srcText = source;
      ctx.src = addressValue(source);
      ctx.result.masqueraded = true;
      return 'SNAT';
    }
    default:
      return target.k;
  }
}

/** MASQUERADE's source: the address of the interface the packet leaves by. */
function masqueradeSource(ctx: WalkContext): string {
  const config = ctx.proxier.state.config;
  const podCidr = config.podCIDR ? cidrOf(config.podCIDR) : undefined;
  // A pod on this node is reached through its veth, whose host side carries the pod range's first address.
  if (podCidr && cidrContains(podCidr, ctx.dst)) return formatIPv4(podCidr.network + 1);
  return config.nodeIPs[0];
}

const parsedCidrs = new Map<string, Cidr | undefined>();

function cidrOf(text: string): Cidr | undefined {
  let cidr = parsedCidrs.get(text);
  if (cidr === undefined && !parsedCidrs.has(text)) parsedCidrs.set(text, (cidr = parseCidr(text)));
  return cidr;
}

function addressMatches(addr: string, value: number, neg: boolean | undefined): boolean {
  const cidr = cidrOf(addr);
  const inside = cidr ? cidrContains(cidr, value) : false;
  return neg ? !inside : inside;
}

function matches(ctx: WalkContext, arg: RuleArg): boolean {
  switch (arg.k) {
    case 'comment':
    case 'nfacct':
    case 'physdevNotIn': // kindnet uses point-to-point veths, no bridge ports
      return true;
    case 'proto':
      return ctx.proto === arg.p;
    case 'src':
      return addressMatches(arg.addr, ctx.src, arg.neg);
    case 'dst':
      return addressMatches(arg.addr, ctx.dst, arg.neg);
    case 'dport':
      return ctx.dstPort === arg.port;
    case 'sport':
      return false; // only Docker's reply-direction rules use --sport
    case 'addrtype': {
      const local = isLocal(ctx, arg.dir === 'src' ? ctx.src : ctx.dst);
      return arg.neg ? !local : local;
    }
    case 'statistic':
      // xt_statistic: (prandom_u32() & 0x7FFFFFFF) < probability
      return ctx.rng.int(0, 0x7fffffff) < fixedPoint(arg.probability);
    case 'recent':
      return arg.rcheckSeconds === undefined ? true : ctx.affinity.rcheck(arg.name, ctx.srcText, arg.rcheckSeconds, ctx.nowMs);
    case 'mark': {
      const [value, mask] = arg.value.split('/').map(Number);
      const hit = (ctx.mark & (mask ?? 0xffffffff)) === value;
      return arg.neg ? !hit : hit;
    }
    case 'ctstate': {
      // The first packet of a connection: NEW, plus DNAT once it was destination-translated.
      const states = arg.states.split(',');
      const hit = states.includes('NEW') || (ctx.dnat && states.includes('DNAT'));
      return arg.neg ? !hit : hit;
    }
    case 'set':
      return false; // ipset matches only exist in IPVS mode, which routes with routeIpvs
  }
}

export { MARK_MASQ };
