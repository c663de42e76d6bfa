/** Addresses inside the service range: the `kubernetes` Service takes the 1st, kube-dns the 10th (FIDELITY §2). */

export function nthAddress(cidr: string, n: number): string {
  const [base] = cidr.split('/');
  const value = base.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0) + n;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}
