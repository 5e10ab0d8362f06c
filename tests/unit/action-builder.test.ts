import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// The builder's collaborators outside this process: the session (here a variable), the request's
// headers and Next's cache. The builder itself runs unchanged.
const session = vi.hoisted(() => ({ role: null as 'ADMIN' | 'USER' | null }));
const revalidated = vi.hoisted(() => [] as string[]);
class Forbidden extends Error {}
class RedirectToLogin extends Error {}

vi.mock('next/cache', () => ({ revalidatePath: (path: string) => revalidated.push(path) }));
vi.mock('@/lib/request-context', () => ({ requestContext: async () => ({ ip: '192.0.2.7', userAgent: 'unit' }) }));
vi.mock('@/lib/dal/session', () => {
  const requireUser = async () => {
    if (!session.role) throw new RedirectToLogin();
    return { id: 'u1', email: 'u@example.com', name: 'U', role: session.role, avatarUpdatedAt: null };
  };
  return {
    requireUser,
    requireAdmin: async () => {
      const user = await requireUser();
      if (user.role !== 'ADMIN') throw new Forbidden();
      return user;
    },
  };
});

const { defineAction, defineFormAction } = await import('@/lib/actions/builder');
const { formFields } = await import('@/lib/action-state');
const { DalError } = await import('@/lib/dal/errors');

const rename = defineFormAction({
  role: 'admin',
  input: z.object({ fileId: z.string().min(1), name: z.string().trim().min(1, 'Enter a name.') }),
  fromForm: (form) => formFields(form, 'fileId', 'name'),
  invalid: 'Check the name.',
  run: async (input, { user, request }) => {
    if (input.name === 'taken') throw new DalError('That name is taken.', 'name');
    if (input.name === 'crash') throw new Error('disk on fire');
    return { name: input.name, by: user.id, ip: request.ip };
  },
  success: (file) => `Renamed to ${file.name}.`,
  revalidate: () => ['/admin/files'],
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

beforeEach(() => {
  session.role = 'ADMIN';
  revalidated.length = 0;
});

describe('the action builder', () => {
  it('runs a valid call with the gated user and the request, and says what happened', async () => {
    expect(await rename({ status: 'idle' }, form({ fileId: 'f1', name: ' report ' }))).toEqual({
      status: 'success',
      message: 'Renamed to report.',
      data: { name: 'report', by: 'u1', ip: '192.0.2.7' },
    });
    expect(revalidated).toEqual(['/admin/files']);
  });

  it('refuses text with a NUL character (PostgreSQL cannot store it) with a message, and runs nothing', async () => {
    expect(await rename({ status: 'idle' }, form({ fileId: 'f1', name: 'crash\u0000' }))).toEqual({
      status: 'error',
      message: 'The form contains a NUL character (an invisible control character). Remove it and try again.',
    });
    expect(revalidated).toEqual([]);
  });

  it('turns schema issues into field errors, under the declared message, and runs nothing', async () => {
    expect(await rename({ status: 'idle' }, form({ fileId: '', name: '   ' }))).toEqual({
      status: 'error',
      message: 'Check the name.',
      fieldErrors: { fileId: expect.any(String), name: 'Enter a name.' },
    });
    expect(revalidated).toEqual([]);
  });

  it('turns a DalError into an error message on its field, and still revalidates', async () => {
    expect(await rename({ status: 'idle' }, form({ fileId: 'f1', name: 'taken' }))).toEqual({
      status: 'error',
      message: 'That name is taken.',
      fieldErrors: { name: 'That name is taken.' },
    });
    expect(revalidated).toEqual(['/admin/files']);
  });

  it('rethrows any other error: faults are never shown as form messages', async () => {
    await expect(rename({ status: 'idle' }, form({ fileId: 'f1', name: 'crash' }))).rejects.toThrow('disk on fire');
  });

  it('gates on the role before it reads the input', async () => {
    session.role = 'USER';
    await expect(rename({ status: 'idle' }, form({}))).rejects.toBeInstanceOf(Forbidden);
    session.role = null;
    await expect(rename({ status: 'idle' }, form({}))).rejects.toBeInstanceOf(RedirectToLogin);
  });

  it('lets public actions run without a session, and client-called actions take their input directly', async () => {
    session.role = null;
    const echo = defineAction({
      role: 'public',
      input: z.string().max(3),
      run: async (text, { user }) => ({ text, user }),
    });
    expect(await echo('abc')).toEqual({ status: 'success', data: { text: 'abc', user: null } });
    expect(await echo('abcd')).toMatchObject({ status: 'error', message: 'Check the highlighted fields.' });
  });
});
