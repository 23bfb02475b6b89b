import { MigrationInterface, QueryRunner } from 'typeorm';
import * as isoCountries from 'i18n-iso-countries';
import { COUNTRY_CLASSIFICATION } from '../libs/reference/src/data/country-classification';
import { DIVISIONS, PLS_LEVELS, PRODUCT_CATEGORIES, REGIONS, TOPICS } from '../libs/reference/src/data/reference-data';

/**
 * Reference data of DESIGN section 2. Country codes and names come from i18n-iso-countries; the
 * region, LDC and WTO-status assignment from the reviewed file libs/reference/src/data. Later
 * changes to either are new migrations that update rows, never edits of this one.
 */
export class ReferenceData1763900000000 implements MigrationInterface {
  name = 'ReferenceData1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE regions (code text PRIMARY KEY, name text NOT NULL, beneficiary boolean NOT NULL);
      CREATE TABLE countries (
        code char(3) PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
        alpha2 char(2) NOT NULL UNIQUE,
        name text NOT NULL,
        names jsonb NOT NULL,
        region text NOT NULL REFERENCES regions(code),
        ldc boolean NOT NULL,
        wto_status text NOT NULL CHECK (wto_status IN ('member', 'observer', 'other'))
      );
      CREATE INDEX countries_region_idx ON countries (region);
      CREATE TABLE divisions (code text PRIMARY KEY, name text NOT NULL);
      CREATE TABLE topics (code text PRIMARY KEY, name text NOT NULL);
      CREATE TABLE product_categories (code text PRIMARY KEY, name text NOT NULL);
      CREATE TABLE pls_levels (level smallint PRIMARY KEY CHECK (level BETWEEN 1 AND 3), code text NOT NULL UNIQUE, name text NOT NULL);
    `);
    await insertJson(queryRunner, 'regions', ['code', 'name', 'beneficiary'], REGIONS);
    await insertJson(queryRunner, 'divisions', ['code', 'name'], DIVISIONS);
    await insertJson(queryRunner, 'topics', ['code', 'name'], TOPICS);
    await insertJson(queryRunner, 'product_categories', ['code', 'name'], PRODUCT_CATEGORIES);
    await insertJson(queryRunner, 'pls_levels', ['level', 'code', 'name'], PLS_LEVELS);

    const countries = Object.keys(isoCountries.getAlpha3Codes()).map((code) => {
      const classification = COUNTRY_CLASSIFICATION[code];
      if (!classification) throw new Error(`country ${code} has no region/LDC/WTO classification`);
      const name = (lang: string) => isoCountries.getName(code, lang) ?? code;
      return {
        code,
        alpha2: isoCountries.alpha3ToAlpha2(code),
        name: name('en'),
        names: { en: name('en'), fr: name('fr'), es: name('es') },
        region: classification.region,
        ldc: classification.ldc,
        wto_status: classification.wtoStatus,
      };
    });
    await queryRunner.query(
      `INSERT INTO countries (code, alpha2, name, names, region, ldc, wto_status)
       SELECT code, alpha2, name, names, region, ldc, wto_status
       FROM jsonb_to_recordset($1::jsonb) AS c(code char(3), alpha2 char(2), name text, names jsonb, region text, ldc boolean, wto_status text)`,
      [JSON.stringify(countries)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE pls_levels, product_categories, topics, divisions, countries, regions');
  }
}

async function insertJson(queryRunner: QueryRunner, table: string, columns: string[], rows: readonly object[]): Promise<void> {
  const types: Record<string, string> = { code: 'text', name: 'text', beneficiary: 'boolean', level: 'smallint' };
  const list = columns.join(', ');
  const definition = columns.map((column) => `${column} ${types[column]}`).join(', ');
  await queryRunner.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${definition})`, [
    JSON.stringify(rows),
  ]);
}
