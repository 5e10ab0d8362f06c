import type { Row } from './run';

const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** One bar per measured ratio (log scale, 0.001 to 1000) with the row's verdict as its colour. */
export function chart(rows: Row[]): string {
  const measured = rows.filter((r) => r.goal !== 'reported');
  const width = 900;
  const barLeft = 330;
  const scale = (ratio: number) =>
    ((Math.log10(Math.min(1000, Math.max(0.001, ratio))) + 3) / 6) * (width - barLeft - 20);
  const bars = measured
    .map((r, i) => {
      const y = 30 + i * 26;
      return `<text x="4" y="${y + 14}" font-size="12">${escape(r.target)}</text>
<rect x="${barLeft}" y="${y}" width="${Math.max(1, scale(r.ratio)).toFixed(1)}" height="18" fill="${r.met ? '#059669' : '#dc2626'}"/>
<text x="${barLeft + scale(r.ratio) + 4}" y="${y + 14}" font-size="11">${r.ratio.toFixed(3)} (${escape(r.goal)})</text>`;
    })
    .join('\n');
  const one = barLeft + scale(1);
  const height = 40 + measured.length * 26;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui,sans-serif">
<text x="4" y="16" font-size="13" font-weight="bold">npm run bench: ratios (log scale; line = 1)</text>
<line x1="${one}" y1="24" x2="${one}" y2="${height}" stroke="#64748b" stroke-dasharray="4"/>
${bars}
</svg>
`;
}
