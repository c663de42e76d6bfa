/**
 * The `-m statistic --mode random --probability` values of KUBE-SVC chains.
 *
 * kube-proxy writes 1/n with `%0.10f` (pkg/proxy/iptables/proxier.go
 * computeProbability). iptables stores it as a 31-bit fixed-point number,
 * lround(p * 2^31), and iptables-save / iptables -L print that stored value
 * with `%.11f` (iptables extensions/libxt_statistic.c), hence 0.33333333349
 * for 1/3 (FIDELITY §5, checked against iptables v1.8.9 on this machine).
 */

const FIXED_POINT_ONE = 0x80000000;

/** kube-proxy's text for endpoint i of n: 1/(n-i) with ten decimals. */
export function computeProbability(n: number): string {
  return (1 / n).toFixed(10);
}

/** The kernel's stored value of a probability text, as a 31-bit fixed-point integer. */
export function kernelProbability(text: string): number {
  return Math.round(Number(text) * FIXED_POINT_ONE);
}

/** What iptables-save and iptables -L print for a probability kube-proxy wrote. */
export function savedProbability(text: string): string {
  return (kernelProbability(text) / FIXED_POINT_ONE).toFixed(11);
}

/**
 * Whether the statistic match fires for a random 32-bit draw: the kernel
 * matches when (prandom_u32() & 0x7FFFFFFF) < probability (net/netfilter/xt_statistic.c).
 */
export function statisticMatches(fixedPoint: number, random31: number): boolean {
  return random31 < fixedPoint;
}
