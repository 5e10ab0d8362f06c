'use client';

import { useState } from 'react';
import { buttonStyles } from '@/components/ui/button-styles';
import { describedBy, FieldError, inputStyles } from '@/components/ui/field';

/**
 * Name and email per recipient (submitted as parallel `recipientName` / `recipientEmail` fields).
 * `errors` are the form's field errors: "recipients" for the list, "recipients.2.email" for a row.
 */
export function RecipientRows({ errors }: { errors: Partial<Record<string, string>> }) {
  const listError =
    errors.recipients && !Object.keys(errors).some((k) => k.startsWith('recipients.')) ? errors.recipients : undefined;
  // Stable keys for rows that come and go: the ids handed out so far and the next one.
  const [{ rows }, setState] = useState({ rows: [0], next: 1 });
  const setRows = (update: (rows: number[]) => number[]) => setState((s) => ({ rows: update(s.rows), next: s.next }));
  return (
    <fieldset aria-describedby={listError ? 'recipients-error' : undefined}>
      <legend className="text-sm font-medium text-slate-800">Recipients</legend>
      <p className="text-xs text-slate-500">
        Each recipient gets a link of their own, with its own download count and log.
      </p>
      <ul className="mt-2 space-y-3">
        {rows.map((rowId, index) => (
          <li key={rowId} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <div>
              <label htmlFor={`recipient-name-${rowId}`} className="block text-xs font-medium text-slate-700">
                <span className="sr-only">Recipient {index + 1} </span>Name
              </label>
              <input
                id={`recipient-name-${rowId}`}
                name="recipientName"
                autoComplete="off"
                maxLength={200}
                className={inputStyles}
                {...describedBy(`recipient-name-${rowId}`, undefined, errors[`recipients.${index}.name`])}
              />
              {errors[`recipients.${index}.name`] && (
                <FieldError id={`recipient-name-${rowId}-error`}>{errors[`recipients.${index}.name`]}</FieldError>
              )}
            </div>
            <div>
              <label htmlFor={`recipient-email-${rowId}`} className="block text-xs font-medium text-slate-700">
                <span className="sr-only">Recipient {index + 1} </span>Email
              </label>
              <input
                id={`recipient-email-${rowId}`}
                name="recipientEmail"
                type="email"
                autoComplete="off"
                className={inputStyles}
                {...describedBy(`recipient-email-${rowId}`, undefined, errors[`recipients.${index}.email`])}
              />
              {errors[`recipients.${index}.email`] && (
                <FieldError id={`recipient-email-${rowId}-error`}>{errors[`recipients.${index}.email`]}</FieldError>
              )}
            </div>
            <button
              type="button"
              className={`${buttonStyles.secondary} sm:mt-5`}
              disabled={rows.length === 1}
              onClick={() => setRows((previous) => previous.filter((id) => id !== rowId))}
              aria-label={`Remove recipient ${index + 1}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={`${buttonStyles.secondary} mt-3`}
        onClick={() => setState((s) => ({ rows: [...s.rows, s.next], next: s.next + 1 }))}
      >
        Add recipient
      </button>
      {listError && <FieldError id="recipients-error">{listError}</FieldError>}
    </fieldset>
  );
}
