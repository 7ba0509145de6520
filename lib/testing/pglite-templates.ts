import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Files holding PGlite data folders (dumpDataDir tarballs): `bare` just after initdb, `migrated` after every migration. */
    pgliteTemplates: { bare: string; migrated: string };
  }
}

/**
 * Vitest global set-up. A new PGlite database runs initdb, about 2.5 s of WebAssembly on a quiet 2-core
 * machine and three times that under load, while loading a dumped data folder takes about 0.6 s. The
 * suite opens some sixty PGlite databases, so initdb runs here once and every test database starts from
 * its copy; each open still runs the migrator, which finds the migrated copy current.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginwatch-pglite-templates-'));
  // create() waits until initdb is done: a dump asked for before then never settles.
  const client = await PGlite.create('memory://');
  const save = async (name: string) => {
    const file = path.join(dir, `${name}.tar`);
    writeFileSync(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    return file;
  };
  const bare = await save('bare');
  await migrate(drizzle(client), { migrationsFolder: path.resolve('drizzle') });
  const migrated = await save('migrated');
  await client.close();
  project.provide('pgliteTemplates', { bare, migrated });
  return () => rmSync(dir, { recursive: true, force: true });
}
