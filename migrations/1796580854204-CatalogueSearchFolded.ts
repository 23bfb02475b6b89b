import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue search that forgives accents, as officials type on phones: "facilitacion" finds
 * "facilitación", "echanges" finds "échanges". `trta_fold` lower-cases and strips the accents of
 * the Latin letters of English, French, Spanish and other Latin-script languages (a plain
 * translate(), so no extension is needed); the sheets keep a folded search vector of every text
 * in every language, and titles get a folded expression index.
 */
export class CatalogueSearchFolded1796580854204 implements MigrationInterface {
  name = 'CatalogueSearchFolded1796580854204';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION trta_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
        SELECT translate(lower(value),
          'áàâäãåāăąçćčďđéèêëēėęěğíìîïīįıłñńňóòôöõøōőŕřśšşťţúùûüūůűųýÿźżž',
          'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorrsssttuuuuuuuuyyzzz')
      $$;

      ALTER TABLE activity_sheets ADD COLUMN search_folded tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', trta_fold(
          coalesce(objectives->>'en', '') || ' ' || coalesce(objectives->>'fr', '') || ' ' || coalesce(objectives->>'es', '') || ' ' ||
          coalesce(target_audience->>'en', '') || ' ' || coalesce(target_audience->>'fr', '') || ' ' || coalesce(target_audience->>'es', '') || ' ' ||
          coalesce(application_requirements->>'en', '') || ' ' || coalesce(application_requirements->>'fr', '') || ' ' ||
          coalesce(application_requirements->>'es', '') || ' ' ||
          coalesce(programme->>'en', '') || ' ' || coalesce(programme->>'fr', '') || ' ' || coalesce(programme->>'es', '')))
      ) STORED;
      CREATE INDEX activity_sheets_search_folded_idx ON activity_sheets USING gin (search_folded);
      -- The expression must stay exactly the one the catalogue queries.
      CREATE INDEX activities_title_folded_idx ON activities USING gin (to_tsvector('simple', trta_fold(title)));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX activities_title_folded_idx;
      ALTER TABLE activity_sheets DROP COLUMN search_folded;
      DROP FUNCTION trta_fold(text);
    `);
  }
}
