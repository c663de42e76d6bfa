/**
 * /etc/hosts as the C libraries read it before asking DNS (nsswitch
 * `hosts: files dns`; hosts(5)): `address canonical_name [aliases...]`,
 * `#` comments, names matched without regard to case. The kubelet writes a
 * pod's file (its own hostname, hostAliases); the user's machine has its own.
 */

/** IPv4 addresses the file gives `name`, in file order. */
export function hostsFileAddresses(text: string | undefined, name: string): string[] {
  if (!text) return [];
  const wanted = name.toLowerCase().replace(/\.$/, '');
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [address, ...names] = line.split(/\s+/);
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(address)) continue;
    if (names.some((n) => n.toLowerCase() === wanted) && !out.includes(address)) out.push(address);
  }
  return out;
}
