import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  ACTIONS,
  type ActionEntry,
  type Caller,
  type Fixtures,
  type FormInput,
  ROUTES,
  type RouteAnswer,
} from './authorization-matrix';
import { type ActionOutcome, builtActions, builtAppPaths, callAction, formData } from './built-app';
import { callers, makeFixtures } from './fixtures';
import { type Snapshot, snapshot } from './snapshot';

// Runs after every other spec (its own Playwright project), so the snapshot sees only its own calls.

type Expected = 'sign-in' | 'forbidden' | 'refused';
interface ActionCall {
  caller: Caller;
  kind: 'valid' | 'foreign' | 'malformed';
  expect: Expected;
}

/** Who calls an action with which input, and how each must be refused (see authorization-matrix.ts). */
function actionCalls(entry: ActionEntry): ActionCall[] {
  const has = (kind: ActionCall['kind']) => entry[kind] !== undefined;
  const calls: ActionCall[] = [];
  const add = (caller: Caller, kind: ActionCall['kind'], expected: Expected) =>
    has(kind) && calls.push({ caller, kind, expect: expected });
  if (entry.role === 'public') {
    for (const caller of ['anonymous', 'customer'] as const) {
      add(caller, 'foreign', 'refused');
      add(caller, 'malformed', 'refused');
    }
    return calls;
  }
  const anyInput = (['valid', 'foreign', 'malformed'] as const).find(has)!;
  calls.push({ caller: 'anonymous', kind: anyInput, expect: 'sign-in' });
  if (entry.endsSession) return calls;
  if (entry.role === 'admin') {
    add('customer', 'valid', 'forbidden');
    add('otherCustomer', 'valid', 'forbidden');
    add('admin', 'foreign', 'refused');
    add('admin', 'malformed', 'refused');
  } else {
    // `valid` names alice's resource when the action takes one: bob may not use it.
    if (has('foreign')) add('otherCustomer', 'valid', 'refused');
    add('customer', 'foreign', 'refused');
    add('customer', 'malformed', 'refused');
    add('admin', 'malformed', 'refused');
  }
  return calls;
}

function argsFor(entry: ActionEntry, kind: ActionCall['kind'], fixtures: Fixtures): unknown[] {
  const raw = entry[kind];
  const value = typeof raw === 'function' ? raw(fixtures) : raw;
  return entry.form ? [{ status: 'idle' }, formData(value as FormInput)] : [value];
}

/** Why an outcome is not the expected refusal, or null when it is. */
function mismatch(outcome: ActionOutcome, expected: Expected): string | null {
  if (outcome.status >= 500) return `answered ${outcome.status}`;
  if (expected === 'sign-in')
    return outcome.redirect && new URL(outcome.redirect, 'http://app').pathname === '/login'
      ? null
      : `not sent to sign in (${outcome.status}, ${outcome.redirect})`;
  if (expected === 'forbidden') return outcome.status === 403 ? null : `not forbidden (${outcome.status})`;
  if (outcome.state?.status === 'error' && outcome.state.message) return null;
  return `not refused with a message (${outcome.status}: ${JSON.stringify(outcome.state) ?? outcome.body.slice(0, 200)})`;
}

let as: Record<Caller, APIRequestContext>;
let fixtures: Fixtures;
let removeFixtures: () => Promise<void>;
let before: Snapshot;

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  as = await callers(browser, baseURL!);
  ({ fixtures, remove: removeFixtures } = await makeFixtures(as));
  before = await snapshot();
});

test.afterAll(async () => {
  await removeFixtures?.();
});

test('every server action and route handler in the build has an entry in the matrix', () => {
  expect(
    builtActions()
      .map((action) => action.name)
      .sort(),
  ).toEqual(Object.keys(ACTIONS).sort());
  expect(
    builtAppPaths()
      .filter((path) => path.endsWith('/route'))
      .sort(),
  ).toEqual(Object.keys(ROUTES).sort());
});

test('server actions refuse anonymous callers, customers on admin actions, foreign ids and malformed input', async () => {
  test.setTimeout(180_000);
  const failures: string[] = [];
  let checked = 0;
  for (const action of builtActions()) {
    const entry = ACTIONS[action.name];
    if (!entry) continue;
    for (const call of actionCalls(entry)) {
      const outcome = await callAction(as[call.caller], action, argsFor(entry, call.kind, fixtures));
      checked++;
      const why = mismatch(outcome, call.expect);
      if (why) failures.push(`${action.name} as ${call.caller} with ${call.kind} input: ${why}`);
    }
  }
  test.info().annotations.push({ type: 'checked', description: `${checked} action calls` });
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(3 * Object.keys(ACTIONS).length);
});

test('route handlers refuse callers without access, foreign ids and malformed addresses', async () => {
  const failures: string[] = [];
  let checked = 0;
  const answerOf = (status: number, location: string | undefined): RouteAnswer => {
    const to = status >= 300 && status < 400 && location ? new URL(location, 'http://app').pathname : '';
    if (to === '/login') return 'sign-in';
    return /^\/s\/[^/]+$/.test(to) ? 'share-page' : status;
  };
  for (const [path, entry] of Object.entries(ROUTES))
    for (const call of entry.calls(fixtures)) {
      const response =
        call.method === 'POST'
          ? await as[call.caller].post(call.path, {
              maxRedirects: 0,
              headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
            })
          : await as[call.caller].get(call.path, { maxRedirects: 0 });
      const answer = answerOf(response.status(), response.headers()['location']);
      const allowed = [call.expect].flat();
      checked++;
      if (!allowed.includes(answer))
        failures.push(
          `${path}: ${call.method ?? 'GET'} ${call.path.slice(0, 80)} as ${call.caller} answered ${answer}, not ${allowed}`,
        );
    }
  test.info().annotations.push({ type: 'checked', description: `${checked} route calls` });
  expect(failures).toEqual([]);
  // Anonymous callers learn statuses from the health check, never error text.
  expect(JSON.stringify(await (await as.anonymous.get('/api/health')).json())).not.toMatch(/error|Error|ECONN/);
});

test('none of these calls changed the database or the bucket', async () => {
  expect(await snapshot()).toEqual(before);
});
