/**
 * Finds the table writes in TypeScript source text, for the ownership check of
 * `table-owners.spec.ts`: SQL (`INSERT INTO t`, `UPDATE t`, `DELETE FROM t`; an
 * `ON CONFLICT ... DO UPDATE` is part of its INSERT) and TypeORM writes naming an entity class
 * (`manager.insert(User, ...)`, `getRepository(User).save(...)`, a `Repository<User>` field's
 * `.update(...)`, query builders' `.update(User)`, `.into(User)`, `.delete().from(User)`).
 * Only known table names count, so English in strings ("update the plan") is never a write.
 */

export interface SourceFile {
  /** Relative to the repository root, with forward slashes: `libs/sheets/src/x.ts`. */
  path: string;
  text: string;
}

export interface TableWrite {
  path: string;
  line: number;
  table: string;
  /** The library the file belongs to (`sheets`), or its app folder (`apps/api`). */
  writer: string;
}

export interface OwnershipViolation extends TableWrite {
  owner: string;
}

const SQL_WRITES = [
  /\bINSERT\s+INTO\s+(?:"?public"?\.)?"?(\w+)"?/gi,
  /\bUPDATE\s+(?:ONLY\s+)?(?:"?public"?\.)?"?(\w+)"?/gi,
  /\bDELETE\s+FROM\s+(?:ONLY\s+)?(?:"?public"?\.)?"?(\w+)"?/gi,
];

const WRITE_METHODS = 'save|insert|update|upsert|delete|remove|softDelete|softRemove|restore|recover|increment|decrement|clear';

/** `@Entity('table') ... export class Name`: entity class name → table, from every source given. */
export function entityTables(files: readonly SourceFile[]): Map<string, string> {
  const tables = new Map<string, string>();
  for (const { text } of files) {
    for (const [, table, name] of withoutComments(text).matchAll(/@Entity\(\s*['"](\w+)['"]\s*\)[\s\S]*?\bclass\s+(\w+)/g)) tables.set(name, table);
  }
  return tables;
}

/** Blanks out comments (keeping line breaks, so line numbers hold): block comments and `// ...` after code or alone. */
export function withoutComments(text: string): string {
  const blank = (comment: string) => comment.replace(/[^\n]/g, ' ');
  return text.replace(/^[ \t]*\/\*[\s\S]*?\*\//gm, blank).replace(/(^|[ \t])\/\/(?:[ \t].*)?$/gm, (match, before: string) => before + blank(match.slice(before.length)));
}

export function writerOf(path: string): string {
  const lib = /^libs\/([^/]+)\//.exec(path);
  if (lib) return lib[1];
  const app = /^apps\/([^/]+)\//.exec(path);
  return app ? `apps/${app[1]}` : path;
}

/** Every write in the file to a table named in `owners`. */
export function tableWrites(file: SourceFile, entities: ReadonlyMap<string, string>, owners: Readonly<Record<string, string>>): TableWrite[] {
  const text = withoutComments(file.text);
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const found: TableWrite[] = [];
  const add = (index: number, table: string | undefined) => {
    if (table && Object.hasOwn(owners, table)) found.push({ path: file.path, line: lineAt(index), table, writer: writerOf(file.path) });
  };
  for (const pattern of SQL_WRITES) {
    for (const match of text.matchAll(pattern)) add(match.index, match[1].toLowerCase());
  }
  const entity = (name: string) => entities.get(name);
  // manager.insert(User, ...), queryBuilder.update(User), .insert().into(User), .delete().from(User)
  for (const match of text.matchAll(new RegExp(`\\.\\s*(?:${WRITE_METHODS}|into)\\(\\s*(\\w+)\\s*[,)]`, 'g'))) add(match.index, entity(match[1]));
  for (const match of text.matchAll(/\.\s*delete\(\s*\)\s*\.\s*from\(\s*(\w+)\s*[,)]/g)) add(match.index, entity(match[1]));
  // getRepository(User).save(...), and getRepository(User).createQueryBuilder().update() and the like
  const repositoryWrite = new RegExp(`getRepository\\(\\s*(\\w+)\\s*\\)\\s*\\.\\s*(?:(?:${WRITE_METHODS})\\(|createQueryBuilder\\([^)]*\\)\\s*\\.\\s*(?:update|insert|delete)\\()`, 'g');
  for (const match of text.matchAll(repositoryWrite)) add(match.index, entity(match[1]));
  // A Repository<User> field or variable, then this.users.save(...)
  for (const [, field, name] of text.matchAll(/(\w+)\s*[:=]\s*(?:Repository|\w+\.getRepository)[<(]\s*(\w+)\s*[>)]/g)) {
    const table = entity(name);
    if (!table) continue;
    for (const match of text.matchAll(new RegExp(`\\b${field}\\s*\\.\\s*(?:${WRITE_METHODS})\\(`, 'g'))) add(match.index, table);
  }
  return found;
}

/** The writes of tables by a library other than their owner (libs/demo excepted), in file and line order. */
export function ownershipViolations(
  files: readonly SourceFile[],
  entities: ReadonlyMap<string, string>,
  owners: Readonly<Record<string, string>>,
): OwnershipViolation[] {
  return files
    .filter((file) => !file.path.startsWith('libs/demo/'))
    .flatMap((file) => tableWrites(file, entities, owners))
    .filter((write) => write.writer !== owners[write.table])
    .map((write) => ({ ...write, owner: owners[write.table] }));
}

/** `libs/sheets/src/x.ts:12 writes activities, which activities owns` */
export function describeViolation({ path, line, table, owner }: OwnershipViolation): string {
  return `${path}:${line} writes ${table}, which ${owner} owns: call a service of libs/${owner} instead`;
}
