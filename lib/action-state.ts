/** What every server action returns to its form (read with useActionState). */
export type ActionState<Data = undefined> =
  | { status: 'idle' }
  | { status: 'error'; message: string; fieldErrors?: Partial<Record<string, string>> }
  | { status: 'success'; message?: string; data?: Data };

export const idle: ActionState<never> = { status: 'idle' };

/** The first message per field of a zod error, for inline form errors. */
export function fieldErrorsFrom(issues: { path: PropertyKey[]; message: string }[]): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}
