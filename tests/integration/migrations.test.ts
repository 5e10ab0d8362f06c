import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
  it('produce exactly prisma/schema.prisma on the test database', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/migrate.mjs', 'check'], {
      env: process.env,
    });
    expect(stdout).toContain('database matches prisma/schema.prisma');
  });
});
