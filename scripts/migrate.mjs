// Offline replacement for `prisma migrate deploy` / `prisma migrate dev` using the
// WASM schema engine (@prisma/schema-engine-wasm) over @prisma/adapter-pg.
// Usage: npm run db:migrate (node scripts/migrate.mjs) deploy | dev [--name x] [--create-only] | status | check | reset
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

const require = createRequire(import.meta.url);
process.on('uncaughtException', (e) => { console.error('PANIC:', globalThis.PRISMA_WASM_PANIC_REGISTRY.message || e); process.exit(1); });
globalThis.PRISMA_WASM_PANIC_REGISTRY = { message: '', set_message(m) { this.message = `RuntimeError: ${m}`; } };
const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), { './schema_engine_bg.js': bg });
bg.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL not set');
const schemaPath = path.resolve('prisma/schema.prisma');
const migrationsDir = path.resolve('prisma/migrations');
const schemaFiles = [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }];

function migrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map(d => {
      const f = path.join(migrationsDir, d, 'migration.sql');
      return { path: d, migrationFile: { path: 'migration.sql',
        content: fs.existsSync(f) ? { tag: 'ok', value: fs.readFileSync(f, 'utf8') } : { tag: 'error', value: 'missing migration.sql' } } };
    }),
  };
}
const filters = { externalTables: [], externalEnums: [] };

// adapter-pg 7.x no longer maps Postgres' internal "char" type (OID 18), which the schema engine's
// catalog queries (pg_constraint.contype, pg_class.relkind, ...) return and read as Character.
// 1) report OID 18 as text to the adapter so it doesn't throw, remembering the column indices;
// 2) set those columns' type to ColumnTypeEnum.Character in queryRaw results.
const CHAR_COLS = Symbol('charCols');
class CharAsTextClient extends pg.Client {
  query(...a) {
    const fix = (res) => {
      const idx = [];
      (res?.fields ?? []).forEach((f, i) => { if (f.dataTypeID === 18) { f.dataTypeID = 25; idx.push(i); } });
      if (idx.length && res.rows) res.rows[CHAR_COLS] = idx;
      return res;
    };
    const cbIdx = a.findLastIndex((x) => typeof x === 'function');
    if (cbIdx >= 0) { const cb = a[cbIdx]; a[cbIdx] = (err, res) => cb(err, err ? res : fix(res)); }
    const r = super.query(...a);
    return r && typeof r.then === 'function' ? r.then(fix) : r;
  }
}
function withCharColumns(q, dispose) {
  return new Proxy(q, { get(t, p) {
    if (p === 'dispose' && dispose) return dispose;
    const v = Reflect.get(t, p, t);
    if (p === 'queryRaw') return async (query) => {
      const r = await v.call(t, query);
      for (const i of r.rows?.[CHAR_COLS] ?? []) r.columnTypes[i] = ColumnTypeEnum.Character;
      return r;
    };
    if (p === 'startTransaction') return async (...a) => withCharColumns(await v.apply(t, a));
    return typeof v === 'function' ? v.bind(t) : v;
  } });
}
// Pass discrete fields, not connectionString: adapter-pg's connectToShadowDb() spreads the config and sets
// `database`, which a connectionString would override (the shadow DB would silently be the main DB).
function pgConfigFrom(url) {
  const u = new URL(url);
  return {
    host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password), database: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
    Client: CharAsTextClient,
  };
}
const pgConfig = pgConfigFrom(url);
const pgFactory = new PrismaPg(pgConfig);
const adapter = bindMigrationAwareSqlAdapterFactory({
  provider: pgFactory.provider, adapterName: pgFactory.adapterName,
  connect: async () => withCharColumns(await pgFactory.connect()),
  // Own shadow-DB handling: adapter-pg 7.10.1 drops the shadow DB before closing its pool ("being accessed by other users").
  connectToShadowDb: async () => {
    if (process.env.SHADOW_DATABASE_URL) { // a dedicated, disposable shadow server (e.g. a 2nd PGlite instance)
      const shadow = await new PrismaPg(pgConfigFrom(process.env.SHADOW_DATABASE_URL)).connect();
      const wipe = 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;';
      await shadow.executeScript(wipe);
      return withCharColumns(shadow, async () => { await shadow.executeScript(wipe); await shadow.dispose(); });
    }
    const main = await pgFactory.connect();
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...pgConfig, database: name }).connect();
    return withCharColumns(shadow, async () => {
      await shadow.dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await main.dispose();
    });
  },
});
const engine = await bg.SchemaEngine.new({ datamodels: schemaFiles.map(f => [f.path, f.content]) },
  (msg) => { if (process.env.DEBUG_SE) console.error('[se]', msg); }, adapter);

async function run(fn) {
  try { return await fn(); }
  catch (e) {
    const id = e?.id ?? e?.cause?.id;
    const rec = typeof id === 'number' ? adapter.errorRegistry.consumeError(id) : undefined;
    console.error('schema engine error:', e?.message ?? e, e?.code ?? '', rec ? rec.error : '', globalThis.PRISMA_WASM_PANIC_REGISTRY.message);
    process.exit(1);
  }
}

/** What SQL would take the live database to prisma/schema.prisma; exitCode 2 when there is any. */
function schemaDiff() {
  return run(() => engine.diff({
    from: { tag: 'schemaDatasource', files: schemaFiles, configDir: process.cwd() },
    to: { tag: 'schemaDatamodel', files: schemaFiles },
    script: true, exitCode: true, filters,
  }));
}

const [cmd, ...args] = process.argv.slice(2);
const t0 = performance.now();
if (cmd === 'deploy') {
  const r = await run(() => engine.applyMigrations({ migrationsList: migrationsList(), filters }));
  console.log('applied:', r.appliedMigrationNames);
} else if (cmd === 'status') {
  const r = await run(() => engine.diagnoseMigrationHistory({ migrationsList: migrationsList(), optInToShadowDatabase: false, filters }));
  console.log(JSON.stringify(r));
} else if (cmd === 'reset') {
  await run(() => engine.reset({ filter: filters }));
  console.log('reset done');
} else if (cmd === 'dev') {
  // The engine's createMigration needs a shadow database, which the WASM engine cannot create over
  // this adapter. The same result without one: apply every migration to this (throw-away) database,
  // then diff the database it produced against the schema.
  const name = (args.includes('--name') ? args[args.indexOf('--name') + 1] : 'migration').replace(/[^a-z0-9_]+/gi, '_');
  const createOnly = args.includes('--create-only');
  const applied = await run(() => engine.applyMigrations({ migrationsList: migrationsList(), filters }));
  if (applied.appliedMigrationNames.length) console.log('applied pending:', applied.appliedMigrationNames);
  const diff = await schemaDiff();
  if (diff.exitCode !== 2) { console.log('schema in sync, no new migration'); }
  else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), diff.stdout);
    const lock = path.join(migrationsDir, 'migration_lock.toml');
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
    console.log('created', path.basename(dir));
    if (!createOnly) {
      const r = await run(() => engine.applyMigrations({ migrationsList: migrationsList(), filters }));
      console.log('applied:', r.appliedMigrationNames);
    }
  }
} else if (cmd === 'check') {
  // The migrations, as applied to this database, must produce exactly the schema.
  const diff = await schemaDiff();
  if (diff.exitCode === 2) { console.error(`the database differs from prisma/schema.prisma; a migration is missing:\n${diff.stdout}`); process.exit(1); }
  console.log('database matches prisma/schema.prisma');
} else { console.log('usage: deploy | dev [--name n] [--create-only] | status | check | reset'); }
console.error(`(${cmd} took ${Math.round(performance.now() - t0)}ms)`);
engine.free();
process.exit(0);
