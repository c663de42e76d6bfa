/**
 * Rewrites a cluster's output with its AddressBook: addresses, their dashed
 * and reverse (in-addr.arpa) forms, pod names and node ports become the names
 * of their owners. What nobody owns is left as it is.
 */
import type { AddressBook } from './address-book.ts';

const REVERSE = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa/g;
const DASHED = /(?<![\d.-])(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})(?![\d-])/g;
// An address with a prefix length other than /32 is a network (10.244.0.0/16), not its owner's address.
const ADDRESS = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(\/\d{1,2})?(?!\d|\.\d)/g;
const NODE_PORT = /(?<![\d.])3\d{4}(?![\d.])/g;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names every address, pod and node port of `text` after its owner in `book`. */
export function mapToObjects(text: string, book: AddressBook): string {
  let out = text
    .replace(REVERSE, (all, a, b, c, d) => book.reverseLabel(`${d}.${c}.${b}.${a}`) ?? all)
    .replace(DASHED, (all, a, b, c, d) => book.dashedLabel(`${a}.${b}.${c}.${d}`) ?? all)
    .replace(ADDRESS, (all, ip: string, prefix?: string) => (prefix && prefix !== '/32' ? all : (book.addressLabel(ip) ?? ip) + (prefix ?? '')));
  if (book.podNames.size > 0) {
    const names = [...book.podNames.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    out = out.replace(new RegExp(`(?<![\\w-])(?:${names.join('|')})(?![\\w-])`, 'g'), (name) => `<${book.podNames.get(name)}>`);
  }
  return out.replace(NODE_PORT, (port) => {
    const owner = book.nodePorts.get(Number(port));
    return owner ? `<nodePort of ${owner}>` : port;
  });
}
