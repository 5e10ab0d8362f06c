'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonStyles } from '@/components/ui/button-styles';
import { CustomerCombobox } from '@/components/invoices/customer-combobox';
import { describedBy, Field, inputStyles, TextField } from '@/components/ui/field';
import { FileButton } from '@/components/ui/file-button';
import { Spinner } from '@/components/ui/form';
import { ProgressBar } from '@/components/ui/progress-bar';
import { confirmInvoiceIssueAction, startInvoiceIssueAction } from '@/lib/actions/invoices';
import { fieldErrorsFrom } from '@/lib/action-state';
import { formatBytes } from '@/lib/format';
import { INVOICE_CURRENCIES } from '@/lib/invoices/format';
import { issueInvoiceForm } from '@/lib/invoices/input';
import { uploadToS3, UploadError } from '@/lib/upload-client';

/** What was typed in the customer search, as the start of a new customer's name or email. */
const invitee = (typed: string) =>
  typed.includes('@') ? { name: '', email: typed.trim() } : { name: typed.trim(), email: '' };

type Phase =
  | { kind: 'idle' }
  | { kind: 'working'; step: string; loaded: number; total: number }
  | { kind: 'error'; message: string; fieldErrors?: Partial<Record<string, string>> }
  | { kind: 'done'; message: string };

/**
 * Issues an invoice: the server creates it pending and signs an upload form, the browser sends the
 * PDF straight to S3 (with progress), then the server verifies the object and opens the invoice.
 */
export function IssueInvoiceForm({
  suggestedNumber,
  maxBytes,
  newCustomer,
}: {
  suggestedNumber: string;
  maxBytes: number;
  /** The customer choice that invites someone new (NEW_CUSTOMER). */
  newCustomer: string;
}) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  // The new customer's fields, started from what was typed in the search.
  const [inviting, setInviting] = useState<{ name: string; email: string } | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const fieldErrors = phase.kind === 'error' ? phase.fieldErrors : undefined;
  const invalid = (name: string) => describedBy(name, undefined, fieldErrors?.[name]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('file');
    // Every problem at once, by the rules the server applies (it checks them again, and the PDF's bytes).
    const parsed = issueInvoiceForm.input.safeParse(issueInvoiceForm.fromForm(data));
    const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error.issues);
    const fileProblem =
      !(file instanceof File) || file.size === 0
        ? 'Choose the invoice PDF to upload.'
        : file.size > maxBytes
          ? `The file is ${formatBytes(file.size)}; invoices may be at most ${formatBytes(maxBytes)}.`
          : null;
    if (fileProblem) fieldErrors.file = fileProblem;
    if (!(file instanceof File) || Object.keys(fieldErrors).length > 0)
      return setPhase({ kind: 'error', message: 'Check the highlighted fields.', fieldErrors });

    setPhase({ kind: 'working', step: 'Preparing upload', loaded: 0, total: file.size });
    const started = await startInvoiceIssueAction({
      customerId: String(data.get('customerId') ?? ''),
      customerName: String(data.get('customerName') ?? ''),
      customerEmail: String(data.get('customerEmail') ?? ''),
      number: String(data.get('number') ?? ''),
      amount: String(data.get('amount') ?? ''),
      currency: String(data.get('currency') ?? ''),
    });
    if (started.status !== 'success' || !started.data) {
      return setPhase(
        started.status === 'error'
          ? { kind: 'error', message: started.message, fieldErrors: started.fieldErrors }
          : { kind: 'error', message: 'Try again.' },
      );
    }
    const { invoiceId, upload } = started.data;
    try {
      await uploadToS3({ method: 'POST', url: upload.url, fields: upload.fields }, file, {
        onProgress: ({ loaded, total }) => setPhase({ kind: 'working', step: 'Uploading PDF', loaded, total }),
      });
    } catch (error) {
      return setPhase({
        kind: 'error',
        message: error instanceof UploadError ? error.message : 'The upload failed. Try again.',
      });
    }
    setPhase({ kind: 'working', step: 'Verifying PDF', loaded: file.size, total: file.size });
    const confirmed = await confirmInvoiceIssueAction(invoiceId);
    if (confirmed.status !== 'success')
      return setPhase({ kind: 'error', message: confirmed.status === 'error' ? confirmed.message : 'Try again.' });
    setPhase({ kind: 'done', message: confirmed.message ?? 'Invoice issued.' });
    form.reset();
    setInviting(null);
    setFileName(null);
    router.refresh();
  }

  const working = phase.kind === 'working';
  return (
    // Keyed by the suggested number: after an invoice is issued the form starts over with the next one.
    <form key={suggestedNumber} onSubmit={submit} noValidate className="space-y-4" aria-label="Issue an invoice">
      {phase.kind === 'error' && <Alert tone="error">{phase.message}</Alert>}
      {phase.kind === 'done' && <Alert tone="success">{phase.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="customerId" label="Customer" error={fieldErrors?.customerId}>
          <CustomerCombobox
            id="customerId"
            name="customerId"
            placeholder="Search by name or email"
            extraOption={{ value: newCustomer, label: 'Someone new: invite by email…' }}
            onChoose={(option, typed) => setInviting(option?.value === newCustomer ? invitee(typed) : null)}
            {...invalid('customerId')}
          />
        </Field>
        {inviting && (
          <fieldset className="grid gap-4 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 sm:col-span-2 sm:grid-cols-2">
            <legend className="sr-only">New customer</legend>
            <p className="text-sm text-slate-600 sm:col-span-2">
              They get an invitation to set a password and see the invoice. The link works once, for 72 hours.
            </p>
            <TextField
              id="customerName"
              required
              maxLength={100}
              label="Customer’s name"
              autoComplete="off"
              defaultValue={inviting.name}
              error={fieldErrors?.customerName}
            />
            <TextField
              id="customerEmail"
              required
              maxLength={254}
              label="Customer’s email"
              type="email"
              autoComplete="off"
              defaultValue={inviting.email}
              error={fieldErrors?.customerEmail}
            />
          </fieldset>
        )}
        <TextField
          id="number"
          label="Invoice number"
          required
          maxLength={32}
          defaultValue={suggestedNumber}
          error={fieldErrors?.number}
        />
        <TextField
          id="amount"
          label="Amount"
          required
          inputMode="decimal"
          placeholder="120.00"
          error={fieldErrors?.amount}
        />
        <Field id="currency" label="Currency" error={fieldErrors?.currency}>
          <select id="currency" name="currency" defaultValue="EUR" className={inputStyles} {...invalid('currency')}>
            {INVOICE_CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset aria-describedby={fieldErrors?.file ? 'file-error' : undefined}>
        <legend className="block text-sm font-medium text-slate-800">Invoice PDF</legend>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <FileButton
            name="file"
            accept="application/pdf,.pdf"
            required
            aria-label={`Invoice PDF (at most ${formatBytes(maxBytes)})`}
            onChange={(event) => setFileName(event.target.files?.[0]?.name ?? null)}
            {...invalid('file')}
          >
            Choose PDF
          </FileButton>
          <span className="min-w-0 truncate text-sm text-slate-600">
            {fileName ?? `No file chosen (at most ${formatBytes(maxBytes)})`}
          </span>
        </div>
        {fieldErrors?.file && (
          <p id="file-error" className="mt-1 text-sm text-red-700">
            {fieldErrors.file}
          </p>
        )}
      </fieldset>
      {working && (
        <ProgressBar
          label={phase.step}
          value={phase.loaded}
          max={phase.total}
          detail={`${formatBytes(phase.loaded)} of ${formatBytes(phase.total)}`}
        />
      )}
      <button type="submit" disabled={working} className={buttonStyles.primary}>
        {working && <Spinner />}
        {working ? 'Issuing…' : 'Issue invoice'}
      </button>
    </form>
  );
}
