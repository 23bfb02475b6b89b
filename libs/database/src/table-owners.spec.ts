import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_OWNERS } from './table-owners';
import { describeViolation, entityTables, ownershipViolations, withoutComments, type SourceFile } from './table-writes';

const ROOT = join(__dirname, '../../..');

/** The TypeScript sources under a folder of the repository, specs, declarations and builds left out. */
function sources(folder: string): SourceFile[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .map((name) => `${folder}/${name.split('\\').join('/')}`)
    .filter((path) => /\.tsx?$/.test(path) && !/\.spec\.ts$|\.d\.ts$/.test(path) && !/\/(node_modules|dist)\//.test(path))
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

const libraries = readdirSync(join(ROOT, 'libs'));
const code = [...libraries.flatMap((lib) => sources(`libs/${lib}/src`)), ...sources('apps')];
const entities = entityTables(code);

function migrationTables(): string[] {
  const migrations = readdirSync(join(ROOT, 'migrations')).filter((name) => name.endsWith('.ts'));
  const text = migrations.map((name) => readFileSync(join(ROOT, 'migrations', name), 'utf8')).join('\n');
  return [...new Set([...text.matchAll(/CREATE TABLE\s+(?:IF NOT EXISTS\s+)?"?(\w+)"?/gi)].map((match) => match[1]))].sort();
}

describe('table owners', () => {
  it('names an owner, an existing library, for every table the migrations create, and no other table', () => {
    const tables = migrationTables();
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.filter((table) => !Object.hasOwn(TABLE_OWNERS, table))).toEqual([]);
    expect(Object.keys(TABLE_OWNERS).filter((table) => !tables.includes(table))).toEqual([]);
    expect([...new Set(Object.values(TABLE_OWNERS))].filter((owner) => !libraries.includes(owner))).toEqual([]);
  });

  it("declares each entity in its table's owner", () => {
    const misplaced = code.flatMap(({ path, text }) =>
      [...withoutComments(text).matchAll(/@Entity\(\s*['"](\w+)['"]/g)]
        .map((match) => match[1])
        .filter((table) => !path.startsWith(`libs/${TABLE_OWNERS[table as keyof typeof TABLE_OWNERS]}/`))
        .map((table) => `${path} declares the entity of ${table}`),
    );
    expect(entities.size).toBeGreaterThan(20);
    expect(misplaced).toEqual([]);
  });

  it('finds every write of a table in its owner (libs/demo excepted)', () => {
    expect(ownershipViolations(code, entities, TABLE_OWNERS).map(describeViolation)).toEqual([]);
  });
});

describe('the write check', () => {
  const check = (text: string, path = 'libs/sheets/src/x.ts') => ownershipViolations([{ path, text }], entities, TABLE_OWNERS);

  it('catches a write planted outside the owner, naming file, line, table and owner', () => {
    const planted = ["import { EntityManager } from 'typeorm';", '', 'await manager.query(`UPDATE activities SET title = $2 WHERE id = $1`, [id, title]);'].join('\n');
    expect(check(planted)).toEqual([{ path: 'libs/sheets/src/x.ts', line: 3, table: 'activities', writer: 'sheets', owner: 'activities' }]);
    expect(check(planted).map(describeViolation)).toEqual([
      'libs/sheets/src/x.ts:3 writes activities, which activities owns: call a service of libs/activities instead',
    ]);
  });

  it('catches quoted and lower-case SQL, upserts under their INSERT, and deletes', () => {
    const text = [
      'insert into "applications" (id) values ($1) on conflict (id) do update set status = excluded.status',
      'DELETE FROM public.stored_files WHERE id = $1',
      'UPDATE users u SET email = $2',
    ].join('\n');
    expect(check(text, 'apps/api/src/x.ts').map(({ line, table, owner }) => ({ line, table, owner }))).toEqual([
      { line: 1, table: 'applications', owner: 'applications' },
      { line: 3, table: 'users', owner: 'identity' },
      { line: 2, table: 'stored_files', owner: 'files' },
    ]);
  });

  it('catches TypeORM writes on entity classes', () => {
    const text = [
      'await manager.insert(ApplicantProfile, { userId });',
      'await this.dataSource.getRepository(User).save(user);',
      'constructor(@InjectRepository(Activity) private readonly activities: Repository<Activity>) {}',
      'await this.activities.update({ id }, { title });',
      'await manager.createQueryBuilder().delete().from(StoredFile).where("id = :id", { id }).execute();',
    ].join('\n');
    expect(check(text, 'libs/applications/src/x.ts').map(({ line, table }) => `${line} ${table}`)).toEqual([
      '1 applicant_profiles',
      '5 stored_files',
      '2 users',
      '4 activities',
    ]);
  });

  it('ignores reads, row locks, comments, English and the owner itself', () => {
    const text = [
      '/**',
      ' * Publishing needs an UPDATE activities ... RETURNING; update the sheet first.',
      ' */',
      "const rows = await manager.query('SELECT id FROM activities a WHERE a.id = $1 FOR UPDATE OF a', [id]);",
      '// DELETE FROM activities is for the owner',
      "throw new Error('cannot update the plan');",
      'createHash("sha256").update(token).digest();',
    ].join('\n');
    expect(check(text)).toEqual([]);
    expect(check('UPDATE activities SET title = $2', 'libs/activities/src/x.ts')).toEqual([]);
    expect(check('UPDATE activities SET title = $2', 'libs/demo/src/x.ts')).toEqual([]);
  });
});
