import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COUNT_CAP } from '@/lib/dal/keyset';

// The signed-in user is chosen here (the session lookup only); the database is real.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth', async () => {
  const { currentSession } = await import('../helpers/session-claims');
  return { auth: async () => (session.userId ? currentSession(session.userId) : null) };
});
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const { db } = await import('@/lib/db');
const { listLibraryFiles } = await import('@/lib/dal/library-files');

const ROWS = 10_000;
const suffix = randomBytes(4).toString('hex');
let adminId = '';
const nameOf = (i: number) =>
  `${['Report', 'photo', 'Contract', 'video'][i % 4]} ${String((i * 7919) % ROWS).padStart(5, '0')}.bin`;
const names = Array.from({ length: ROWS }, (_, i) => nameOf(i));

beforeAll(async () => {
  adminId = (
    await db.user.create({
      data: { email: `list-admin-${suffix}@library.test`, name: 'List Admin', passwordHash: 'x', role: 'ADMIN' },
    })
  ).id;
  session.userId = adminId;
  const base = Date.UTC(2026, 0, 1);
  await db.libraryFile.createMany({
    data: Array.from({ length: ROWS }, (_, i) => ({
      id: `list${suffix}${String(i).padStart(6, '0')}`,
      name: names[i],
      sizeBytes: BigInt(((i * 104729) % 1_000_000) * 1024),
      contentType: 'application/octet-stream',
      objectKey: `library/list${suffix}${String(i).padStart(6, '0')}`,
      status: i % 50 === 0 ? 'UPLOADING' : 'READY',
      uploadedById: adminId,
      createdAt: new Date(base + (i % 2000) * 60_000), // many equal dates: the id breaks ties
      completedAt: new Date(base),
    })),
  });
  await db.$executeRawUnsafe('ANALYZE "LibraryFile"');
}, 120_000);

afterAll(async () => {
  await db.libraryFile.deleteMany({ where: { uploadedById: adminId } });
  await db.user.delete({ where: { id: adminId } });
  await db.$disconnect();
});

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await work();
  return [result, performance.now() - t0];
}

describe('library listing with 10,000 files', () => {
  it('walks every page by keyset in each sort order, without gaps or repeats, and back again', async () => {
    const timings: Record<string, number[]> = {};
    for (const [sort, direction] of [
      ['name', 'asc'],
      ['size', 'desc'],
      ['date', 'desc'],
    ] as const) {
      const seen: string[] = [];
      const values: (string | number)[] = [];
      let after: string | undefined;
      const times: number[] = [];
      let pages = 0;
      do {
        const [page, ms] = await timed(() => listLibraryFiles({ sort, direction, after, pageSize: 200 }));
        times.push(ms);
        // Counted up to the cap only: 10,000 rows show as "1,000+".
        expect(page.total).toEqual({ count: COUNT_CAP, more: true });
        for (const f of page.files) {
          seen.push(f.id);
          values.push(sort === 'name' ? f.name : sort === 'size' ? f.sizeBytes : f.createdAt.getTime());
        }
        after = page.nextAfter ?? undefined;
        pages++;
      } while (after);
      const ours = seen.filter((id) => id.startsWith(`list${suffix}`));
      expect(new Set(ours).size).toBe(ROWS);
      expect(seen.length).toBe(new Set(seen).size);
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(values).toEqual(direction === 'asc' ? sorted : sorted.reverse());
      timings[`${sort} ${direction}`] = times;

      // The last page's "previous" cursor leads back to the page before it.
      const lastFirst = seen.at(-1 - ((seen.length - 1) % 200))!;
      const previous = await listLibraryFiles({ sort, direction, before: lastFirst, pageSize: 200 });
      expect(previous.files.map((f) => f.id)).toEqual(
        seen.slice(seen.indexOf(lastFirst) - 200, seen.indexOf(lastFirst)),
      );
      expect(pages).toBeGreaterThanOrEqual(ROWS / 200);
    }
    for (const [order, times] of Object.entries(timings)) {
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `[library list, 10k rows] ${order}: first page ${times[0].toFixed(1)} ms, last page ${times.at(-1)!.toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms over ${times.length} pages`,
      );
    }
  });

  it('searches by name, case-insensitively, and still pages', async () => {
    const [page, ms] = await timed(() => listLibraryFiles({ search: 'CONTRACT 00', sort: 'name', pageSize: 50 }));
    console.log(`[library list, 10k rows] search: ${ms.toFixed(1)} ms, ${page.total.count} matches`);
    const matching = names.filter((n) => n.startsWith('Contract 00')).sort();
    expect(page.total).toEqual({ count: matching.length, more: false });
    expect(page.files.map((f) => f.name)).toEqual(matching.slice(0, 50));
    const next = await listLibraryFiles({ search: 'CONTRACT 00', sort: 'name', pageSize: 50, after: page.nextAfter! });
    expect(next.files.map((f) => f.name)).toEqual(matching.slice(50, 100));
    expect((await listLibraryFiles({ search: 'no such file anywhere' })).files).toEqual([]);
  });

  it('shows unfinished uploads as such, never as ready', async () => {
    const page = await listLibraryFiles({ search: 'Report', sort: 'name', pageSize: 200 });
    const uploading = await db.libraryFile.findMany({
      where: { uploadedById: adminId, status: 'UPLOADING' },
      select: { id: true },
    });
    const ids = new Set(uploading.map((u) => u.id));
    for (const file of page.files) expect(file.status).toBe(ids.has(file.id) ? 'UPLOADING' : 'READY');
  });
});
