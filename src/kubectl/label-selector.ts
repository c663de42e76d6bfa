/**
 * Label selector matching for objects kubectl filters itself (`apply -l`,
 * `create -l` on file contents): the string forms of apimachinery
 * pkg/labels/selector.go (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`,
 * `a`, `!a`). Listing from the server leaves selectors to the API server.
 */

function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of selector) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

function matchesRequirement(req: string, labels: Record<string, string>): boolean {
  let m = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(req);
  if (m) {
    const values = m[3].split(',').map((v) => v.trim());
    const has = m[1] in labels && values.includes(labels[m[1]]);
    return m[2] === 'in' ? has : !has;
  }
  m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(req);
  if (m) return m[2] === '!=' ? labels[m[1]] !== m[3] : labels[m[1]] === m[3];
  if (req.startsWith('!')) return !(req.slice(1).trim() in labels);
  return req in labels;
}

export function matchesSelector(selector: string, labels: Record<string, string>): boolean {
  return splitRequirements(selector).every((req) => matchesRequirement(req, labels));
}
