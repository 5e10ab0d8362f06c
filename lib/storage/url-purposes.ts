/**
 * Why the app signs a URL, one row per purpose: the label admins see on /admin/storage, the
 * variable that sets its lifetime, the default, and a tighter ceiling where the purpose has one.
 * lib/env.ts validates the variables from this table and lib/storage/ttl.ts applies them, so a new
 * purpose is one row here. No imports: env.ts reads it while it is itself being loaded.
 */
export interface UrlPurposeRow {
  label: string;
  variable: `TTL_${string}_SECONDS`;
  defaultSeconds: number;
  /** Below SigV4's own 7 days, with the reason shown when a value is over it. */
  ceiling?: { seconds: number; reason: string };
}

export const URL_PURPOSES = {
  upload: {
    label: 'Upload forms',
    variable: 'TTL_UPLOAD_SECONDS',
    defaultSeconds: 300,
    ceiling: { seconds: 3_600, reason: 'upload forms are meant to live minutes' },
  },
  download: { label: 'Downloads', variable: 'TTL_DOWNLOAD_SECONDS', defaultSeconds: 3_600 },
  // A copied invoice link is an app link (/i/{token}), checked on every click; this is its lifetime.
  invoice: {
    label: 'Invoice links',
    variable: 'TTL_INVOICE_SECONDS',
    defaultSeconds: 86_400,
    ceiling: { seconds: 86_400, reason: 'invoice links live 24 h at most' },
  },
  // What a click on an invoice link redirects to: used at once, so it lives seconds.
  invoiceClick: {
    label: 'Invoice link clicks',
    variable: 'TTL_INVOICE_CLICK_SECONDS',
    defaultSeconds: 60,
    ceiling: { seconds: 300, reason: 'a click’s URL is used at once' },
  },
  shareClick: { label: 'Share clicks', variable: 'TTL_SHARE_CLICK_SECONDS', defaultSeconds: 60 },
  // A partner's preview is shown inline, so it is signed at click time like a download and lives a minute at most.
  sharePreview: {
    label: 'Share previews',
    variable: 'TTL_SHARE_PREVIEW_SECONDS',
    defaultSeconds: 60,
    ceiling: { seconds: 60, reason: 'previews are signed when clicked and live a minute at most' },
  },
  // Raw pre-signed URLs an admin hands out for one shared file: unrevocable, so a day by default;
  // up to 7 days, which also relaxes the bucket policy's signature-age limit to match.
  rawShare: { label: 'Raw share URLs', variable: 'TTL_RAW_SHARE_SECONDS', defaultSeconds: 86_400 },
} as const satisfies Record<string, UrlPurposeRow>;

export type UrlPurpose = keyof typeof URL_PURPOSES;
export type TtlVariable = (typeof URL_PURPOSES)[UrlPurpose]['variable'];

export const URL_PURPOSE_IDS = Object.keys(URL_PURPOSES) as UrlPurpose[];

/** The ceiling above every purpose's lifetime (and the bucket policy's signature-age limit). */
export const HARD_CAP = { label: 'Hard cap (any URL)', variable: 'TTL_HARD_CAP_SECONDS' } as const;
