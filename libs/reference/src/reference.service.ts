import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CountryView } from './reference.dto';

type ReferenceTable = 'regions' | 'divisions' | 'topics' | 'product_categories' | 'pls_levels';

@Injectable()
export class ReferenceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countries(filter: { region?: string; ldc?: boolean }): Promise<{ items: CountryView[] }> {
    const items: CountryView[] = await this.dataSource.query(
      `SELECT code, alpha2, name, names, region, ldc, wto_status AS "wtoStatus" FROM countries
       WHERE ($1::text IS NULL OR region = $1) AND ($2::boolean IS NULL OR ldc = $2)
       ORDER BY name`,
      [filter.region ?? null, filter.ldc ?? null],
    );
    return { items };
  }

  /** Table and column names here are constants of the controller, never client input. */
  async list<T>(table: ReferenceTable, columns: string, orderBy = 'code'): Promise<{ items: T[] }> {
    const items: T[] = await this.dataSource.query(`SELECT ${columns} FROM ${table} ORDER BY ${orderBy}`);
    return { items };
  }
}
