import type { z } from 'zod';

/** What every server action returns to its form (read with useActionState). */
export type ActionState<Data = undefined> =
  | { status: 'idle' }
  | { status: 'error'; message: string; fieldErrors?: Partial<Record<string, string>> }
  | { status: 'success'; message?: string; data?: Data };

export const idle: ActionState<never> = { status: 'idle' };

/**
 * The first message per field of a zod error, for inline form errors: under the field's name, and
 * for a field inside a list also under its full path ("recipients.1.email"), so that a form can
 * show every row's error next to that row.
 */
export function fieldErrorsFrom(issues: { path: PropertyKey[]; message: string }[]): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
    if (issue.path.length > 1) errors[issue.path.map(String).join('.')] ??= issue.message;
  }
  return errors;
}

/**
 * What a form sends and the rules it must meet: the server action parses with it, and the browser
 * checks with the very same rules before sending (the server still decides). Pure, so both can
 * import it.
 */
export interface FormSpec<Schema extends z.ZodType> {
  input: Schema;
  fromForm: (form: FormData) => unknown;
}

/** The named fields of a form as an object (absent fields are null), for `fromForm`. */
export function formFields<Name extends string>(
  form: FormData,
  ...names: Name[]
): Record<Name, FormDataEntryValue | null> {
  return Object.fromEntries(names.map((name) => [name, form.get(name)])) as Record<Name, FormDataEntryValue | null>;
}
