'use client';

import { useState } from 'react';
import { buttonStyles } from '@/components/ui/button-styles';
import { describedBy, Field, inputStyles } from '@/components/ui/field';
import { useMounted } from '@/components/ui/date-time';

/** `yyyy-MM-ddTHH:mm` in the browser's time zone, as a datetime-local input wants it. */
function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function toIso(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

const PRESETS = [
  { label: '1 day', days: 1 },
  { label: '1 week', days: 7 },
  { label: '30 days', days: 30 },
];

/**
 * When access ends: a date and time in the admin's own time zone, sent to the server as an ISO
 * instant (hidden `expiresAt`), so the server never has to guess the zone. No 7-day limit: links
 * mint a fresh short-lived URL per click.
 */
export function ExpiryField({ defaultIso, error }: { defaultIso?: string; error?: string }) {
  const mounted = useMounted();
  const [local, setLocal] = useState<string | null>(null);
  const value = local ?? (mounted && defaultIso ? toLocalInput(new Date(defaultIso)) : '');
  const hint = 'In your time zone. Links stop working at this moment.';
  return (
    <Field id="expiresLocal" label="Access ends" hint={hint} error={error}>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          id="expiresLocal"
          type="datetime-local"
          required
          value={value}
          onChange={(event) => setLocal(event.target.value)}
          className={`${inputStyles} mt-0 w-auto`}
          {...describedBy('expiresLocal', hint, error)}
        />
        {PRESETS.map((preset) => (
          <button
            key={preset.days}
            type="button"
            className={`${buttonStyles.secondary} px-3 py-1.5 text-xs`}
            onClick={() => setLocal(toLocalInput(new Date(Date.now() + preset.days * 86_400_000)))}
          >
            {preset.label}
          </button>
        ))}
      </div>
      <input type="hidden" name="expiresAt" value={toIso(value)} />
    </Field>
  );
}
