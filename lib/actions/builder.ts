import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { type ActionState, fieldErrorsFrom, type FormSpec } from '@/lib/action-state';
import { DalError } from '@/lib/dal/errors';
import { requireAdmin, requireUser, type SessionUser } from '@/lib/dal/session';
import { requestContext, type RequestContext } from '@/lib/request-context';
import { containsNul } from '@/lib/request-guard';
import { isStoreUnreachable, STORE_UNREACHABLE_MESSAGE } from '@/lib/storage/security/store';

/**
 * The one way to declare a server action (the rule is in ./README.md). An action names the role it
 * needs and its input schema; the builder checks the role, parses the input, runs the action and
 * turns the outcome into the form state the UI reads: schema issues become field errors, a DalError
 * becomes an error message (on its field when it names one). Anything else is rethrown, so Next's
 * forbidden(), redirect() and real faults keep their own handling.
 */

/** 'public': anyone (a partner with a link, a visitor signing in). */
export type ActionRole = 'public' | 'user' | 'admin';

export interface ActionContext<Role extends ActionRole> {
  /** The signed-in user the role gate let through; null for public actions. */
  user: Role extends 'public' ? null : SessionUser;
  request: RequestContext;
}

type Issues = z.core.$ZodIssue[];

export interface ActionDefinition<Role extends ActionRole, Schema extends z.ZodType, Data> {
  role: Role;
  input: Schema;
  run: (input: z.output<Schema>, context: ActionContext<Role>) => Promise<Data>;
  /** The message shown on success, if any. */
  success?: string | ((data: Data) => string);
  /** The message when the input does not parse (the fields get their own); default "Check the highlighted fields." */
  invalid?: string | ((issues: Issues) => string);
  /** Pages showing what the action changes. Revalidated after a refusal too: a refused upload may have been cleaned up. */
  revalidate?: (input: z.output<Schema>) => string[];
}

// A first gate only: every DAL function the action calls checks the session and ownership again.
async function gate(role: ActionRole): Promise<SessionUser | null> {
  if (role === 'admin') return requireAdmin();
  if (role === 'user') return requireUser();
  return null;
}

function invalidState(
  invalid: ActionDefinition<ActionRole, z.ZodType, unknown>['invalid'],
  issues: Issues,
): ActionState<never> {
  const message = typeof invalid === 'function' ? invalid(issues) : (invalid ?? 'Check the highlighted fields.');
  return { status: 'error', message, fieldErrors: fieldErrorsFrom(issues) };
}

/** The one adapter from the DAL's refusals to form state. */
export function refusalState(error: DalError): ActionState<never> {
  return {
    status: 'error',
    message: error.message,
    ...(error.field ? { fieldErrors: { [error.field]: error.message } } : {}),
  };
}

async function execute<Role extends ActionRole, Schema extends z.ZodType, Data>(
  definition: ActionDefinition<Role, Schema, Data>,
  raw: unknown,
): Promise<ActionState<Data>> {
  const user = await gate(definition.role);
  // PostgreSQL stores no NUL in text: refused here with a message, not by the database with a 500.
  if (containsNul(raw))
    return {
      status: 'error',
      message: 'The form contains a NUL character (an invisible control character). Remove it and try again.',
    };
  const parsed = definition.input.safeParse(raw);
  if (!parsed.success) return invalidState(definition.invalid, parsed.error.issues);
  try {
    const context = { user, request: await requestContext() } as ActionContext<Role>;
    const data = await definition.run(parsed.data, context);
    const message = typeof definition.success === 'function' ? definition.success(data) : definition.success;
    return message === undefined ? { status: 'success', data } : { status: 'success', message, data };
  } catch (error) {
    if (error instanceof DalError) return refusalState(error);
    // S3 down or hanging (bounded by the client's timeouts) is not a fault of the app: say so.
    if (isStoreUnreachable(error)) return { status: 'error', message: STORE_UNREACHABLE_MESSAGE };
    throw error;
  } finally {
    for (const path of definition.revalidate?.(parsed.data) ?? []) revalidatePath(path);
  }
}

/** An action the client calls with a value (uploaders, buttons): `await action(input)`. */
export function defineAction<Role extends ActionRole, Schema extends z.ZodType, Data>(
  definition: ActionDefinition<Role, Schema, Data>,
) {
  type Input = z.input<Schema>;
  return async (...[input]: undefined extends Input ? [input?: Input] : [input: Input]): Promise<ActionState<Data>> =>
    execute(definition, input);
}

/**
 * An action behind a <form> read with useActionState (through components/ui/form.tsx); `fromForm`
 * picks its input out of the form. Declare `input` and `fromForm` as a FormSpec in a pure module
 * when the browser should check the same rules before sending.
 */
export function defineFormAction<Role extends ActionRole, Schema extends z.ZodType, Data>(
  definition: ActionDefinition<Role, Schema, Data> & FormSpec<Schema>,
) {
  return async (_previous: ActionState<Data>, form: FormData): Promise<ActionState<Data>> =>
    execute(definition, definition.fromForm(form));
}
