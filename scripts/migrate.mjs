// Prisma migrations without network access: `prisma migrate` downloads a native schema engine,
// which cannot work offline. This script drives Prisma's own WASM schema engine
// (@prisma/schema-engine-wasm) over @prisma/adapter-pg instead. The migration files it reads and
// writes are ordinary Prisma migrations: with network access, `prisma migrate deploy` applies the
// same files.
//
// What it patches, and why:
//   1. Postgres' internal "char" type (OID 18). adapter-pg 7.10.1 no longer maps it, yet the
//      engine's catalog queries return it (pg_constraint.contype, pg_class.relkind, ...). The pg
//      client below reports those columns as text, so the adapter does not throw, and the adapter
//      then marks them as Character, which is what the engine expects.
//   2. The shadow database (`dev` diffs through one). adapter-pg 7.10.1 drops it before closing its
//      pool ("being accessed by other users"), and spreads its config so that a connectionString
//      would silently make the shadow database the main one. This script creates and drops the
//      shadow database itself, and passes discrete connection fields.
//
// Usage: npm run db:migrate (node scripts/migrate.mjs) deploy | dev [--name x] [--create-only] | status | check | reset
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as schemaEngineWasm from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

const USAGE = 'usage: deploy | dev [--name n] [--create-only] | status | check | reset';
const SCHEMA_PATH = path.resolve('prisma/schema.prisma');
const MIGRATIONS_DIR = path.resolve('prisma/migrations');
const LOCKFILE = 'migration_lock.toml';
const NO_EXTERNAL_OBJECTS = { externalTables: [], externalEnums: [] };
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** The engine reports a panic through this global; its message is the only useful part. */
const panicRegistry = {
  message: '',
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  },
};

function loadSchemaEngineWasm() {
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
    './schema_engine_bg.js': schemaEngineWasm,
  });
  schemaEngineWasm.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
}

/** The schema files as the engine takes them. */
function readSchemaFiles() {
  return [{ path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, 'utf8') }];
}

/** prisma/migrations as the engine takes it: every migration directory, in name (= time) order. */
function readMigrations() {
  const directories = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((directory) => {
      const sqlPath = path.join(MIGRATIONS_DIR, directory, 'migration.sql');
      const content = fs.existsSync(sqlPath)
        ? { tag: 'ok', value: fs.readFileSync(sqlPath, 'utf8') }
        : { tag: 'error', value: 'missing migration.sql' };
      return { path: directory, migrationFile: { path: 'migration.sql', content } };
    }),
  };
}

// Patch 1: where a result holds "char" columns, the rows remember their indices under this symbol.
const CHAR_COLUMNS = Symbol('charColumns');

/** A pg client that reports "char" columns as text (so adapter-pg accepts them) and remembers which they were. */
class CharAsTextClient extends pg.Client {
  query(...args) {
    const relabel = (result) => {
      const charColumns = [];
      (result?.fields ?? []).forEach((field, index) => {
        if (field.dataTypeID === PG_CHAR_OID) {
          field.dataTypeID = PG_TEXT_OID;
          charColumns.push(index);
        }
      });
      if (charColumns.length && result.rows) result.rows[CHAR_COLUMNS] = charColumns;
      return result;
    };
    const callbackIndex = args.findLastIndex((arg) => typeof arg === 'function');
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex];
      args[callbackIndex] = (error, result) => callback(error, error ? result : relabel(result));
    }
    const pending = super.query(...args);
    return pending && typeof pending.then === 'function' ? pending.then(relabel) : pending;
  }
}

/** An adapter connection whose raw query results type the remembered columns as Character again. */
function withCharColumns(connection, dispose) {
  return new Proxy(connection, {
    get(target, property) {
      if (property === 'dispose' && dispose) return dispose;
      const value = Reflect.get(target, property, target);
      if (property === 'queryRaw') {
        return async (query) => {
          const result = await value.call(target, query);
          for (const index of result.rows?.[CHAR_COLUMNS] ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
          return result;
        };
      }
      if (property === 'startTransaction') return async (...args) => withCharColumns(await value.apply(target, args));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Patch 2: discrete fields, never a connectionString, which would override the shadow database's name. */
function pgConfigFrom(url) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres',
    Client: CharAsTextClient,
  };
}

/** Patch 2: a disposable shadow database, created and dropped here rather than by adapter-pg. */
async function connectToShadowDatabase(pgConfig, mainFactory) {
  if (process.env.SHADOW_DATABASE_URL) {
    // A dedicated, disposable shadow server: emptied before and after use.
    const shadow = await new PrismaPg(pgConfigFrom(process.env.SHADOW_DATABASE_URL)).connect();
    const wipe = 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;';
    await shadow.executeScript(wipe);
    return withCharColumns(shadow, async () => {
      await shadow.executeScript(wipe);
      await shadow.dispose();
    });
  }
  const main = await mainFactory.connect();
  const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
  await main.executeScript(`CREATE DATABASE "${name}"`);
  const shadow = await new PrismaPg({ ...pgConfig, database: name }).connect();
  return withCharColumns(shadow, async () => {
    await shadow.dispose();
    await main.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await main.dispose();
  });
}

function createAdapter(databaseUrl) {
  const pgConfig = pgConfigFrom(databaseUrl);
  const factory = new PrismaPg(pgConfig);
  return bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withCharColumns(await factory.connect()),
    connectToShadowDb: () => connectToShadowDatabase(pgConfig, factory),
  });
}

/** Runs one engine call; on failure prints everything the engine and the adapter know, and exits 1. */
async function engineCall(adapter, call) {
  try {
    return await call();
  } catch (error) {
    const errorId = error?.id ?? error?.cause?.id;
    const adapterError = typeof errorId === 'number' ? adapter.errorRegistry.consumeError(errorId) : undefined;
    console.error(
      'schema engine error:',
      error?.message ?? error,
      error?.code ?? '',
      adapterError ? adapterError.error : '',
      panicRegistry.message,
    );
    process.exit(1);
  }
}

/** Writes the SQL of a new migration, and the lockfile if this is the first one; returns its directory. */
function writeMigration(name, sql) {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const directory = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, 'migration.sql'), sql);
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  if (!fs.existsSync(lockPath))
    fs.writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  return directory;
}

async function main(command, args) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL not set');
  process.on('uncaughtException', (error) => {
    console.error('PANIC:', panicRegistry.message || error);
    process.exit(1);
  });
  globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  loadSchemaEngineWasm();

  const schemaFiles = readSchemaFiles();
  const adapter = createAdapter(databaseUrl);
  const engine = await schemaEngineWasm.SchemaEngine.new(
    { datamodels: schemaFiles.map((file) => [file.path, file.content]) },
    (message) => {
      if (process.env.DEBUG_SE) console.error('[se]', message);
    },
    adapter,
  );
  const call = (fn) => engineCall(adapter, fn);
  const applyMigrations = () =>
    call(() => engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_EXTERNAL_OBJECTS }));
  /** The SQL that would take the live database to prisma/schema.prisma; exitCode 2 when there is any. */
  const diffDatabaseToSchema = () =>
    call(() =>
      engine.diff({
        from: { tag: 'schemaDatasource', files: schemaFiles, configDir: process.cwd() },
        to: { tag: 'schemaDatamodel', files: schemaFiles },
        script: true,
        exitCode: true,
        filters: NO_EXTERNAL_OBJECTS,
      }),
    );

  const started = performance.now();
  if (command === 'deploy') {
    console.log('applied:', (await applyMigrations()).appliedMigrationNames);
  } else if (command === 'status') {
    console.log(
      JSON.stringify(
        await call(() =>
          engine.diagnoseMigrationHistory({
            migrationsList: readMigrations(),
            optInToShadowDatabase: false,
            filters: NO_EXTERNAL_OBJECTS,
          }),
        ),
      ),
    );
  } else if (command === 'reset') {
    await call(() => engine.reset({ filter: NO_EXTERNAL_OBJECTS }));
    console.log('reset done');
  } else if (command === 'dev') {
    // The engine's createMigration needs a shadow database, which the WASM engine cannot create over
    // this adapter. The same result without one: apply every migration to this (throw-away) database,
    // then diff the database it produced against the schema.
    const name = (args.includes('--name') ? args[args.indexOf('--name') + 1] : 'migration').replace(
      /[^a-z0-9_]+/gi,
      '_',
    );
    const pending = await applyMigrations();
    if (pending.appliedMigrationNames.length) console.log('applied pending:', pending.appliedMigrationNames);
    const diff = await diffDatabaseToSchema();
    if (diff.exitCode !== 2) {
      console.log('schema in sync, no new migration');
    } else {
      console.log('created', path.basename(writeMigration(name, diff.stdout)));
      if (!args.includes('--create-only')) console.log('applied:', (await applyMigrations()).appliedMigrationNames);
    }
  } else if (command === 'check') {
    // The migrations, as applied to this database, must produce exactly the schema.
    const diff = await diffDatabaseToSchema();
    if (diff.exitCode === 2) {
      console.error(`the database differs from prisma/schema.prisma; a migration is missing:\n${diff.stdout}`);
      process.exit(1);
    }
    console.log('database matches prisma/schema.prisma');
  } else {
    console.log(USAGE);
  }
  console.error(`(${command} took ${Math.round(performance.now() - started)}ms)`);
  engine.free();
  process.exit(0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command, ...args] = process.argv.slice(2);
  await main(command, args);
}
