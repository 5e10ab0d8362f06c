'use client';

import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { inputStyles } from '@/components/ui/field';
import { QrCode } from '@/components/ui/qr-code';
import type { ActionState } from '@/lib/action-state';
import { emailShareLinksAction } from '@/lib/actions/shares';
import type { IssuedLink } from '@/lib/dal/shares';

/**
 * The new links, each shown only this once: a copy button and a QR code per link, and one button that
 * mails every recipient their own link.
 */
export function IssuedLinks({ shareId, links }: { shareId: string; links: IssuedLink[] }) {
  const [emailing, startEmailing] = useTransition();
  const [emailed, setEmailed] = useState<ActionState<unknown> | null>(null);
  const emailLinks = () =>
    startEmailing(async () => {
      setEmailed(
        await emailShareLinksAction({ shareId, links: links.map(({ recipientId, url }) => ({ recipientId, url })) }),
      );
    });
  const [copied, setCopied] = useState<string | null>(null);
  const [qrShown, setQrShown] = useState<string | null>(null);
  const copy = async (link: IssuedLink) => {
    await navigator.clipboard.writeText(link.url);
    setCopied(link.recipientId);
  };
  return (
    <section
      aria-labelledby="issued-links-heading"
      className="space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="issued-links-heading" className="text-base font-semibold text-slate-900">
        Links to send
      </h2>
      <Alert tone="warning">
        Copy these links now: they are shown only once and cannot be recovered. Each link is for one person; send it
        only to them.
      </Alert>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonStyles.primary} disabled={emailing} onClick={emailLinks}>
          {emailing ? 'Sending…' : links.length === 1 ? 'Email the link' : 'Email the links'}
        </button>
        <p className="text-sm text-slate-600">Each recipient gets one mail with only their own link.</p>
      </div>
      {emailed && emailed.status !== 'idle' && emailed.message && (
        <Alert tone={emailed.status === 'error' ? 'error' : 'success'}>{emailed.message}</Alert>
      )}
      <ul className="space-y-4">
        {links.map((link) => (
          <li key={link.recipientId}>
            <label htmlFor={`link-${link.recipientId}`} className="block text-sm font-medium text-slate-800">
              Link for {link.name} <span className="font-normal text-slate-500">({link.email})</span>
            </label>
            <div className="mt-1 flex gap-2">
              <input
                id={`link-${link.recipientId}`}
                readOnly
                value={link.url}
                onFocus={(e) => e.target.select()}
                className={`${inputStyles} mt-0 font-mono text-xs`}
              />
              <button
                type="button"
                className={buttonStyles.secondary}
                onClick={() => copy(link)}
                aria-label={`Copy link for ${link.name}`}
              >
                {copied === link.recipientId ? 'Copied' : 'Copy'}
              </button>
              <button
                type="button"
                className={buttonStyles.secondary}
                aria-expanded={qrShown === link.recipientId}
                aria-controls={`qr-${link.recipientId}`}
                aria-label={`Show QR code for ${link.name}`}
                onClick={() => setQrShown(qrShown === link.recipientId ? null : link.recipientId)}
              >
                QR
              </button>
            </div>
            {qrShown === link.recipientId && (
              <figure id={`qr-${link.recipientId}`} className="mt-3 flex flex-col items-start gap-1">
                <QrCode text={link.url} label={`QR code of the link for ${link.name}`} className="size-48 rounded" />
                <figcaption className="text-xs text-slate-500">
                  Scan with a phone camera to open {link.name}&rsquo;s link.
                </figcaption>
              </figure>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
