import { describedBy, Field, inputStyles } from '@/components/ui/field';

/** A labelled text input with its hint and inline error: the common case of Field. */
export function TextField({
  name,
  label,
  error,
  hint,
  idPrefix = '',
  ...input
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  /** Distinguishes two forms on one page that have a field of the same name. */
  idPrefix?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const id = `${idPrefix}${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} className={inputStyles} {...describedBy(id, hint, error)} {...input} />
    </Field>
  );
}
