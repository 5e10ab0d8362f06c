import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';

/**
 * What the production build under test contains, read from its own manifests (so the attack suites
 * enumerate the app from the code, not from a list that can fall behind): every server action with
 * its file and export name, every route handler and every page. And a caller for server actions
 * that speaks React's wire format, the way a page's form or button does.
 */

const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? '.next');
const require = createRequire(import.meta.url);
// The same encoder the browser uses for action arguments, from the Next.js build that serves them.
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.edge') as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export interface BuiltAction {
  id: string;
  /** `lib/actions/shares.ts#revokeShareAction` */
  name: string;
  /** A page whose bundle holds the action: the path to POST it to. */
  page: string;
}

/** `app/(app)/admin/shares/[shareId]/page` → `/admin/shares/x` (route groups dropped, segments filled). */
function pagePath(worker: string): string {
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/?page$/, '')
    .split('/')
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith('[') ? 'x' : segment));
  return `/${segments.join('/')}`;
}

export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName: string; filename: string }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => {
    const pages = Object.keys(action.workers).filter((worker) => worker.endsWith('/page'));
    // A page without dynamic segments when there is one: its path exists as written.
    const page = pages.find((worker) => !worker.includes('[')) ?? pages[0];
    return { id, name: `${action.filename}#${action.exportedName}`, page: pagePath(page) };
  });
}

/** Every route handler and page of the build, as their app paths (`/(app)/invoices/[id]/download/route`). */
export function builtAppPaths(): string[] {
  return Object.keys(JSON.parse(readFileSync(path.join(distDir, 'server/app-paths-manifest.json'), 'utf8')));
}

/** A form's fields as the browser sends them (a repeated field as an array). */
export function formData(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  return form;
}

export interface ActionOutcome {
  status: number;
  /** Where a redirect() in the action sent the caller (sign-in, forbidden pages), if anywhere. */
  redirect: string | null;
  /** The action's return value (an ActionState), when it returned one. */
  state: { status?: string; message?: string; fieldErrors?: Record<string, string> } | null;
  body: string;
}

/** React's reply rows (`1:{…}`), keyed by row id. */
function flightRows(body: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  return rows;
}

function actionState(body: string): ActionOutcome['state'] {
  const rows = flightRows(body);
  try {
    const root = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    let value = root?.a;
    if (typeof value === 'string' && value.startsWith('$@')) value = JSON.parse(rows.get(value.slice(2)) ?? 'null');
    return value && typeof value === 'object' ? (value as ActionOutcome['state']) : null;
  } catch {
    return null;
  }
}

/**
 * Calls a server action as the page would. `args` are the action's arguments: `[input]` for actions
 * called with a value, `[previousState, formData]` for form actions.
 */
export async function callAction(
  request: APIRequestContext,
  action: BuiltAction,
  args: unknown[],
): Promise<ActionOutcome> {
  const body = await encodeReply(args);
  const headers = { 'Next-Action': action.id, Accept: 'text/x-component' };
  const response: APIResponse =
    typeof body === 'string'
      ? await request.post(action.page, {
          headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
          data: body,
          maxRedirects: 0,
        })
      : await request.post(action.page, { headers, multipart: body, maxRedirects: 0 });
  const text = await response.text();
  return {
    status: response.status(),
    redirect: response.headers()['x-action-redirect'] ?? response.headers()['location'] ?? null,
    state: actionState(text),
    body: text,
  };
}
