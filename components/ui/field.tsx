/** Text inputs in every form (sign-in, invoices, shares): one look, one focus ring. */
export const inputStyles =
  'mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 focus:ring-inset aria-invalid:ring-2 aria-invalid:ring-red-500';

/** A labelled form field with an optional hint and inline error, wired up for screen readers. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </div>
  );
}

/** A field's error line (also for groups such as a fieldset of checkboxes). */
export function FieldError({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {children}
    </p>
  );
}

/** aria attributes for the input inside a Field. */
export function describedBy(id: string, hint?: string, error?: string) {
  return {
    'aria-invalid': Boolean(error),
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled text input (name defaults to id): the common case of Field, in one element. */
export function TextField({
  id,
  label,
  hint,
  error,
  className = '',
  ...input
}: InputProps & { id: string; label: string; hint?: string; error?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} name={id} {...input} className={`${inputStyles} ${className}`} {...describedBy(id, hint, error)} />
    </Field>
  );
}

/** An email address field (the sign-in name): at most 254 characters, as the server's rules allow. */
export function EmailField({
  id = 'email',
  label = 'Email',
  autoComplete = 'username',
  ...input
}: Omit<InputProps, 'type'> & { id?: string; label?: string; hint?: string; error?: string }) {
  return (
    <TextField id={id} label={label} type="email" autoComplete={autoComplete} required maxLength={254} {...input} />
  );
}
