import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACTIONS, type ActionEntry, allowedCaller, type Caller, type Fixtures } from './authorization-matrix';
import { type ActionOutcome, builtActions, builtAppPaths, callAction, formData } from './built-app';
import { callers, makeFixtures } from './fixtures';
import { HOSTILE_TEXT, HOSTILE_VALUES, RAW_PATH_SEGMENTS } from './hostile-values';
import { COOKIES, PAGES, type PageInputs, ROUTE_INPUTS } from './page-inputs';
import { type Snapshot, snapshot } from './snapshot';

// Every value goes to every form field, address segment, query parameter and cookie the app reads.
// Each must get a clear answer (a 4xx, a redirect, or a form state with a message), never a 5xx, and
// none may change the database or the bucket. Runs after every other spec (its own project).

let as: Record<Caller, APIRequestContext>;
let fixtures: Fixtures;
let removeFixtures: () => Promise<void>;
let before: Snapshot;
/** The corpus plus values made from this run's fixtures: ids of the wrong table, cut and altered tokens. */
let corpus: string[];

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  as = await callers(browser, baseURL!);
  ({ fixtures, remove: removeFixtures } = await makeFixtures(as));
  const f = fixtures;
  // Only ids and tokens that name nothing: a real id in every field at once would be a valid call
  // (the ids of the wrong table are sent one field at a time below).
  corpus = [
    ...HOSTILE_TEXT,
    f.carolId.slice(0, -1),
    `${f.shareId}x`,
    f.sharedFileId.slice(0, -1),
    f.aliceInvoiceId.toUpperCase(),
    f.shareToken.slice(0, -1),
    `${f.shareToken}x`,
    f.shareToken.toUpperCase(),
    f.otherShareToken.slice(1),
    f.invoiceLinkToken.slice(0, -1),
    f.invoiceLinkToken.split('.').reverse().join('.'),
    f.bobAvatarUploadId.slice(0, -1),
  ];
  before = await snapshot();
});

test.afterAll(async () => {
  await removeFixtures?.();
});

/** Runs `work` over `items` with a few requests in flight (the app server is the thing under test). */
async function inPool<T>(items: T[], work: (item: T) => Promise<void>, width = 6): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** A path segment: escaped when it is text, as-is when it is one of the deliberately broken escapes. */
function segment(value: string, raw: boolean): string {
  if (raw) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate cannot be escaped as UTF-8: send the bytes a broken client would.
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD')) + '%ED%A0%80';
  }
}

function address(inputs: PageInputs, value: string, raw = false): string {
  const path = inputs.path.replaceAll('{}', segment(value, raw) || '%20');
  const query = inputs.query.map((name) => `${name}=${segment(value, raw)}`).join('&');
  return query ? `${path}?${query}` : path;
}

class Findings {
  readonly list: string[] = [];
  count = 0;
  add(what: string) {
    if (this.list.length < 40) this.list.push(what);
  }
}

const show = (value: unknown) => JSON.stringify(value)?.slice(0, 60);

/** The field names an action reads, from its matrix entry's inputs. */
function fieldsOf(entry: ActionEntry, f: Fixtures): string[] | null {
  const names = new Set<string>();
  for (const kind of ['valid', 'foreign', 'malformed'] as const) {
    const raw = entry[kind];
    const value = typeof raw === 'function' ? raw(f) : raw;
    if (value && typeof value === 'object' && !Array.isArray(value)) Object.keys(value).forEach((n) => names.add(n));
  }
  return names.size ? [...names] : null;
}

function clear(outcome: ActionOutcome): boolean {
  if (outcome.status >= 500) return false;
  if (outcome.status >= 400 || outcome.redirect) return true;
  return typeof outcome.state?.message === 'string' && outcome.state.message.length > 0;
}

test('every page of the build lists what it reads from its address', () => {
  const built = builtAppPaths();
  expect(built.filter((p) => p.endsWith('/page')).sort()).toEqual(Object.keys(PAGES).sort());
  expect(built.filter((p) => p.endsWith('/route')).sort()).toEqual(Object.keys(ROUTE_INPUTS).sort());
  expect(corpus.length).toBeGreaterThanOrEqual(300);
});

test('server actions answer every hostile value in every field with a message, never a 500', async () => {
  test.setTimeout(900_000);
  const findings = new Findings();
  for (const action of builtActions()) {
    const entry = ACTIONS[action.name];
    // Actions that read no input cannot be fed any (the matrix checks who may call them).
    if (!entry || entry.endsSession || entry.readsNoInput) continue;
    const caller = allowedCaller(entry.role);
    const fields = fieldsOf(entry, fixtures);
    const calls: unknown[][] = [];
    for (const value of corpus) {
      if (entry.form) {
        const form = new FormData();
        for (const name of fields ?? []) form.append(name, value);
        calls.push([{ status: 'idle' }, form]);
      } else calls.push([fields ? Object.fromEntries(fields.map((name) => [name, value])) : value]);
    }
    if (!entry.form)
      for (const value of HOSTILE_VALUES) {
        calls.push([value]);
        if (fields) calls.push([Object.fromEntries(fields.map((name) => [name, value]))]);
      }
    await inPool(calls, async (args) => {
      const outcome = await callAction(as[caller], action, args);
      findings.count++;
      if (!clear(outcome))
        findings.add(
          `${action.name} ${show(args.at(-1) instanceof FormData ? [...(args.at(-1) as FormData).values()][0] : args[0])}: ${outcome.status} ${outcome.body.slice(0, 120)}`,
        );
    });
    if (entry.restore) {
      // The caller's own free text took whatever the rules accept; put it back so the snapshot
      // still catches any other change.
      const input = typeof entry.restore === 'function' ? entry.restore(fixtures) : entry.restore;
      const args = entry.form ? [{ status: 'idle' }, formData(input as Record<string, string | string[]>)] : [input];
      const outcome = await callAction(as[caller], action, args);
      expect(outcome.state, `${action.name} putting back ${show(input)}`).toMatchObject({ status: 'success' });
    }
  }
  test.info().annotations.push({ type: 'checked', description: `${findings.count} action calls` });
  expect(findings.list).toEqual([]);
});

async function attackAddresses(targets: PageInputs[], findings: Findings) {
  const requests: { caller: Caller; url: string }[] = [];
  for (const inputs of targets) {
    if (!inputs.path.includes('{}') && !inputs.query.length) continue;
    for (const value of corpus) requests.push({ caller: inputs.caller, url: address(inputs, value) });
    for (const value of RAW_PATH_SEGMENTS) requests.push({ caller: inputs.caller, url: address(inputs, value, true) });
  }
  await inPool(requests, async ({ caller, url }) => {
    const response = await as[caller].get(url, { maxRedirects: 0 });
    findings.count++;
    if (response.status() >= 500) findings.add(`GET ${url.slice(0, 100)} as ${caller}: ${response.status()}`);
  });
}

/** The table each id field names, and an id of this run from every table. */
const ID_FIELDS: Record<string, keyof Fixtures> = {
  userId: 'carolId',
  fileId: 'unsharedFileId',
  shareId: 'shareId',
  recipientId: 'recipientId',
  invoiceId: 'aliceInvoiceId',
  uploadId: 'bobAvatarUploadId',
};

test('an id of the wrong table in any id field is refused with a message', async () => {
  const findings = new Findings();
  const ids = Object.values(ID_FIELDS).map((key) => fixtures[key]);
  for (const action of builtActions()) {
    const entry = ACTIONS[action.name];
    const base = entry && (typeof entry.valid === 'function' ? entry.valid(fixtures) : entry.valid);
    if (!entry || entry.endsSession || !base || typeof base !== 'object' || Array.isArray(base)) continue;
    const caller = allowedCaller(entry.role);
    for (const field of Object.keys(base).filter((name) => name in ID_FIELDS))
      for (const id of ids.filter((id) => id !== fixtures[ID_FIELDS[field]])) {
        const input = { ...base, [field]: id };
        const args = entry.form ? [{ status: 'idle' }, formData(input as Record<string, string | string[]>)] : [input];
        const outcome = await callAction(as[caller], action, args);
        findings.count++;
        if (outcome.state?.status !== 'error' || !outcome.state.message)
          findings.add(`${action.name} with ${field}=${id}: ${outcome.status} ${outcome.body.slice(0, 120)}`);
      }
  }
  test.info().annotations.push({ type: 'checked', description: `${findings.count} wrong-table ids` });
  expect(findings.list).toEqual([]);
  expect(findings.count).toBeGreaterThan(20);
});

test('pages answer every hostile value in every segment and query parameter, never with a 500', async () => {
  test.setTimeout(900_000);
  const findings = new Findings();
  await attackAddresses(Object.values(PAGES), findings);
  test.info().annotations.push({ type: 'checked', description: `${findings.count} page requests` });
  expect(findings.list).toEqual([]);
});

test('route handlers answer every hostile value in every segment and query parameter, never with a 500', async () => {
  test.setTimeout(600_000);
  const findings = new Findings();
  await attackAddresses(
    Object.values(ROUTE_INPUTS).flatMap((inputs) => inputs(fixtures)),
    findings,
  );
  test.info().annotations.push({ type: 'checked', description: `${findings.count} route requests` });
  expect(findings.list).toEqual([]);
});

test('every cookie the app reads takes every hostile value without a 500', async ({ playwright, baseURL }) => {
  test.setTimeout(600_000);
  const findings = new Findings();
  const requests = COOKIES.flatMap((cookie) => corpus.map((value) => ({ cookie, value })));
  const anonymous = await playwright.request.newContext({ baseURL });
  await inPool(requests, async ({ cookie, value }) => {
    const url = cookie.path(fixtures);
    const response = await anonymous.get(url, {
      maxRedirects: 0,
      headers: { Cookie: `${cookie.name}=${segment(value, false)}` },
    });
    findings.count++;
    if (response.status() >= 500) findings.add(`${cookie.name}=${show(value)} on ${url}: ${response.status()}`);
  });
  await anonymous.dispose();
  test.info().annotations.push({ type: 'checked', description: `${findings.count} requests with hostile cookies` });
  expect(findings.list).toEqual([]);
});

test('no hostile value changed the database or the bucket', async () => {
  expect(await snapshot()).toEqual(before);
});
