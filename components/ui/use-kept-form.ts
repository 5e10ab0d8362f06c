'use client';

import { startTransition, useActionState, useEffect, useRef } from 'react';
import { idle, type ActionState } from '@/lib/action-state';

/**
 * A form bound to a server action that keeps what the person typed when the action refuses it.
 * (React resets a <form action> after every submission, which would wipe the fields next to their
 * error messages.) The form is cleared only on success, when `resetOnSuccess` asks for it.
 */
export function useKeptForm<Data>(
  action: (previous: ActionState<Data>, form: FormData) => Promise<ActionState<Data>>,
  { resetOnSuccess = false } = {},
) {
  const [state, dispatch, pending] = useActionState(action, idle);
  const formRef = useRef<HTMLFormElement>(null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  useEffect(() => {
    if (resetOnSuccess && state.status === 'success') formRef.current?.reset();
  }, [state, resetOnSuccess]);
  const fieldErrors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  return { state, pending, fieldErrors, formProps: { ref: formRef, onSubmit, noValidate: true } };
}
