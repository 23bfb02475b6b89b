import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('countries')
export class Country {
  /** ISO 3166-1 alpha-3. */
  @PrimaryColumn('char', { length: 3 })
  code!: string;

  @Column('char', { length: 2 })
  alpha2!: string;

  @Column('text')
  name!: string;

  /** Names in the product's languages: { en, fr, es }. */
  @Column('jsonb')
  names!: Record<'en' | 'fr' | 'es', string>;

  @Column('text')
  region!: string;

  @Column('boolean')
  ldc!: boolean;

  @Column('text')
  wtoStatus!: 'member' | 'observer' | 'other';
}
