import { create } from 'qrcode';

/** Modules of quiet zone around the code: the four the QR standard asks for, so phones read it. */
const QUIET = 4;

/**
 * A QR code of `text` as an inline SVG (one path, dark squares on white), drawn from the qrcode
 * package's module matrix. The colours are fixed, not themed: scanners need dark on light, in dark
 * mode too.
 */
export function QrCode({ text, label, className = 'size-48' }: { text: string; label: string; className?: string }) {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
  const side = modules.size + 2 * QUIET;
  return (
    <svg
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      className={className}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
