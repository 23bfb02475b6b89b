import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, DomainException, invalidCursor, Page, toPage } from '@trta/http';
import { SheetRefusals } from '../sheets.refusals';
import { ACTIVITY_FIELDS, type ActivityLanguage, type ActivityRecord } from '@trta/activities';
import { readRows, selectList } from '@trta/database';
import { materialsOf } from '../sheets/sheet-queries';
import { CATALOGUE_ACTIVITY_FIELDS, CatalogueEntry, CatalogueItem, CatalogueQueryDto, type EligibleCountryView } from './catalogue.dto';
import { TOPIC_SEARCH_TEXT } from './topic-search-names';

/**
 * The catalogue's columns. `served` is the sheet's language for this request: the one asked for
 * ($1) when the sheet has every text in it, else the activity's first language.
 */
const ITEM_COLUMNS = `${selectList(ACTIVITY_FIELDS, 'a', CATALOGUE_ACTIVITY_FIELDS)},
  a.sheet_published_at AS "publishedAt", served.language AS "servedLanguage",
  s.objectives ->> served.language AS objectives, s.target_audience ->> served.language AS "targetAudience"`;
type CatalogueField = (typeof CATALOGUE_ACTIVITY_FIELDS)[number];
/** A row of ITEM_COLUMNS: the activity's fields, then its sheet's in the served language. */
type ItemRow = Pick<ActivityRecord, CatalogueField> & Omit<CatalogueItem, CatalogueField>;
/** The entry's row: ITEM_COLUMNS and the rest of the sheet. */
type EntryRow = ItemRow & Omit<CatalogueEntry, keyof CatalogueItem | 'materials' | 'eligibleCountries'>;
const SERVED_LANGUAGE = `CROSS JOIN LATERAL (SELECT CASE
    WHEN s.objectives ->> $1::text IS NOT NULL AND s.target_audience ->> $1::text IS NOT NULL
     AND s.application_requirements ->> $1::text IS NOT NULL AND s.programme ->> $1::text IS NOT NULL THEN $1::text
    ELSE a.languages[1] END AS language) served`;
/** Published sheets of activities open for applications: what the public may see. */
const IN_CATALOGUE = `a.status = 'open' AND a.sheet_published_at IS NOT NULL`;
/** Keyset order: soonest deadline first; an open call without a deadline last. */
const SORT_KEY = `coalesce(a.application_deadline, 'infinity'::date)`;

const DATE_KEY = /^(\d{4}-\d{2}-\d{2}|infinity)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: CatalogueQueryDto): Promise<Page<CatalogueItem>> {
    const params: unknown[] = [query.lang ?? null];
    const where = [IN_CATALOGUE];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.q) {
      // Accents forgiven (trta_fold, migration CatalogueSearchFolded); every language of the sheet searched, and the
      // activity's topics by their names in English, French and Spanish.
      const tsQuery = `websearch_to_tsquery('simple', trta_fold(${param(query.q)}))`;
      const topics = `coalesce((SELECT string_agg(${param(JSON.stringify(TOPIC_SEARCH_TEXT))}::jsonb ->> topic, ' ') FROM unnest(a.topics) topic), '')`;
      where.push(`(s.search_folded || to_tsvector('simple', trta_fold(a.title || ' ' || ${topics}))) @@ ${tsQuery}`);
    }
    if (query.region) where.push(`a.region = ${param(query.region)}`);
    if (query.topic) where.push(`${param(query.topic)} = ANY(a.topics)`);
    if (query.type) where.push(`a.type = ${param(query.type)}`);
    if (query.deliveryMode) where.push(`a.delivery_mode = ${param(query.deliveryMode)}`);
    if (query.plsLevel !== undefined) where.push(`a.pls_level = ${param(query.plsLevel)}`);
    if (query.country) where.push(`(${param(query.country)}::char(3) = ANY(a.beneficiary_countries) OR a.type = 'global')`);
    if (query.language) where.push(`${param(query.language)}::text = ANY(a.languages)`);
    if (query.deadlineBefore) where.push(`a.application_deadline <= ${param(query.deadlineBefore)}::date`);
    if (query.cursor) {
      const [deadline, id] = decodeCursor(query.cursor, 2);
      if (typeof deadline !== 'string' || !DATE_KEY.test(deadline) || typeof id !== 'string' || !UUID.test(id)) {
        throw invalidCursor();
      }
      where.push(`(${SORT_KEY}, a.id) > (${param(deadline)}::date, ${param(id)}::uuid)`);
    }
    const rows = await readRows<ItemRow & { sortKey: string }>(
      this.dataSource,
      `SELECT ${ITEM_COLUMNS}, ${SORT_KEY}::text AS "sortKey"
       FROM activities a JOIN activity_sheets s ON s.activity_id = a.id ${SERVED_LANGUAGE}
       WHERE ${where.join(' AND ')}
       ORDER BY ${SORT_KEY}, a.id LIMIT ${param(query.limit + 1)}`,
      params,
    );
    const page = toPage(rows, query.limit, (row) => [row.sortKey, row.id]);
    return { items: page.items.map(({ sortKey: _sortKey, ...item }) => item), nextCursor: page.nextCursor };
  }

  /** One activity of the catalogue with its whole sheet and materials; 404 for anything not in the catalogue. */
  async get(id: string, lang?: ActivityLanguage): Promise<CatalogueEntry> {
    const [row] = (await this.dataSource.query(
      `SELECT ${ITEM_COLUMNS}, s.application_requirements ->> served.language AS "applicationRequirements",
         s.programme ->> served.language AS programme, s.required_documents AS "requiredDocuments"
       FROM activities a JOIN activity_sheets s ON s.activity_id = a.id ${SERVED_LANGUAGE}
       WHERE a.id = $2 AND ${IN_CATALOGUE}`,
      [lang ?? null, id],
    )) as EntryRow[];
    if (!row) throw new DomainException(SheetRefusals.NOT_IN_CATALOGUE, `Activity ${id} is not in the catalogue`, { activityId: id });
    const materials = (await materialsOf(this.dataSource.manager, id)).map(({ createdAt: _createdAt, ...material }) => ({
      ...material,
      downloadUrl: material.file ? `/api/catalogue/${id}/materials/${material.id}/file` : null,
    }));
    const eligibleCountries = (await this.dataSource.query(
      `SELECT c.code, coalesce(c.names ->> $2::text, c.name) AS name, c.ldc
       FROM activities a CROSS JOIN LATERAL unnest(a.beneficiary_countries) WITH ORDINALITY b(code, position)
       JOIN countries c ON c.code = b.code WHERE a.id = $1 ORDER BY 2`,
      [id, lang ?? row.servedLanguage],
    )) as EligibleCountryView[];
    return { ...row, eligibleCountries, materials };
  }
}
