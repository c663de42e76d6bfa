/**
 * The port checks kubectl makes client-side, with apimachinery's texts
 * (pkg/util/validation/validation.go IsValidPortNum, IsValidPortName;
 * k8s.io/utils/net ParsePort via strconv.ParseUint).
 */
import { goQuote } from '../../flags/go-values.ts';

/** strconv.ParseUint(s, 10, 16). */
export function parsePort(text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax`);
  const n = Number(text);
  if (n > 65535) throw new Error(`strconv.ParseUint: parsing ${goQuote(text)}: value out of range`);
  return n;
}

export function portNumErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens (-)');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errs.push('must not begin or end with a hyphen (-)');
  return errs;
}

/** validation.IsDNS1123Subdomain as a yes/no. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value);
}
