/**
 * Draws a request's trace as an SVG picture for the HTML report: one box per
 * hop (client, DNS, service VIP, rule or IPVS service, DNAT, node, pod, answer),
 * left to right and wrapping into rows, arrows between them, and the failure in
 * red where the request stopped. Self-contained: no fonts or scripts to load.
 */
import type { Hop, HopKind, Trace } from '../trace/trace.ts';

const COLORS: Record<HopKind, { fill: string; stroke: string }> = {
  client: { fill: '#eef2ff', stroke: '#4f46e5' },
  dns: { fill: '#ecfeff', stroke: '#0891b2' },
  service: { fill: '#f0fdf4', stroke: '#16a34a' },
  iptables: { fill: '#fefce8', stroke: '#ca8a04' },
  ipvs: { fill: '#fefce8', stroke: '#ca8a04' },
  dnat: { fill: '#fff7ed', stroke: '#ea580c' },
  snat: { fill: '#fff7ed', stroke: '#ea580c' },
  node: { fill: '#f8fafc', stroke: '#475569' },
  ingress: { fill: '#fdf4ff', stroke: '#c026d3' },
  tls: { fill: '#f5f3ff', stroke: '#7c3aed' },
  pod: { fill: '#ecfdf5', stroke: '#059669' },
  answer: { fill: '#f0f9ff', stroke: '#0284c7' },
  error: { fill: '#fef2f2', stroke: '#dc2626' },
};

const CHAR_WIDTH = 7.2; // 12px monospace
const BOX_HEIGHT = 46;
const GAP = 34;
const PAD = 16;
const MAX_ROW_WIDTH = 1100;
const MAX_LABEL = 38;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

interface Box {
  hop: Hop;
  x: number;
  y: number;
  width: number;
}

function layout(hops: Hop[]): { boxes: Box[]; width: number; height: number } {
  const boxes: Box[] = [];
  let x = PAD;
  let y = PAD + 28;
  let width = 0;
  for (const hop of hops) {
    const text = Math.max(hop.kind.length, clip(hop.label, MAX_LABEL).length);
    const w = Math.ceil(text * CHAR_WIDTH) + 24;
    if (x > PAD && x + w > MAX_ROW_WIDTH) {
      x = PAD;
      y += BOX_HEIGHT + GAP;
    }
    boxes.push({ hop, x, y, width: w });
    x += w + GAP;
    width = Math.max(width, x - GAP + PAD);
  }
  return { boxes, width: Math.max(width, 320), height: y + BOX_HEIGHT + PAD };
}

function arrow(from: Box, to: Box): string {
  if (to.y === from.y) {
    const y = from.y + BOX_HEIGHT / 2;
    return `<line x1="${from.x + from.width}" y1="${y}" x2="${to.x - 4}" y2="${y}" class="arrow"/>`;
  }
  // Wraps to the next row: down from the box's bottom, across, down into the next box.
  const x1 = from.x + from.width / 2;
  const yMid = from.y + BOX_HEIGHT + GAP / 2;
  const x2 = to.x + to.width / 2;
  return `<polyline points="${x1},${from.y + BOX_HEIGHT} ${x1},${yMid} ${x2},${yMid} ${x2},${to.y - 4}" class="arrow" fill="none"/>`;
}

/** The SVG document for one trace. Hop details become tooltips (<title>), so the picture stays small. */
export function renderTraceSvg(trace: Trace): string {
  const hops: Hop[] = trace.ok || !trace.failure ? trace.hops : [...trace.hops, { kind: 'error', label: 'failed', detail: trace.failure }];
  const { boxes, width, height } = layout(hops);
  const footer = !trace.ok && trace.failure ? 22 : 0;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + footer}" viewBox="0 0 ${width} ${height + footer}" role="img" aria-label="${escapeXml(`trace of ${trace.request}`)}">`,
    '<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/></marker></defs>',
    '<style>.arrow{stroke:#64748b;stroke-width:1.5;marker-end:url(#head)}text{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;fill:#0f172a}.kind{font-size:10px;fill:#475569;text-transform:uppercase;letter-spacing:.05em}.title{font-size:13px;font-weight:600}.fail{fill:#b91c1c}</style>',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + 10}" class="title">${escapeXml(clip(`${trace.request}  ·  from ${trace.from}`, 140))}</text>`,
  ];
  boxes.forEach((box, i) => {
    const c = COLORS[box.hop.kind];
    parts.push(
      `<g class="hop hop-${box.hop.kind}"><title>${escapeXml(box.hop.detail)}</title>` +
        `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${BOX_HEIGHT}" rx="8" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.5"/>` +
        `<text x="${box.x + 12}" y="${box.y + 17}" class="kind">${escapeXml(box.hop.kind)}</text>` +
        `<text x="${box.x + 12}" y="${box.y + 35}">${escapeXml(clip(box.hop.label, MAX_LABEL))}</text></g>`,
    );
    if (i > 0) parts.push(arrow(boxes[i - 1], box));
  });
  if (footer) parts.push(`<text x="${PAD}" y="${height + 12}" class="fail">${escapeXml(clip(`failed: ${trace.failure}`, 150))}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
