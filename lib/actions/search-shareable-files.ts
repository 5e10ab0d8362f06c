'use server';

import { z } from 'zod';
import type { ActionState } from '@/lib/action-state';
import { shareableFiles, type ShareableFile } from '@/lib/dal/shares';
import { requireAdmin } from '@/lib/dal/session';

/** The share form's file search: ready library files whose name contains the text, newest first. */
export async function searchShareableFilesAction(search: string): Promise<ActionState<ShareableFile[]>> {
  await requireAdmin();
  const parsed = z.string().max(200).safeParse(search);
  if (!parsed.success) return { status: 'error', message: 'Search for at most 200 characters.' };
  return { status: 'success', data: await shareableFiles(parsed.data) };
}
