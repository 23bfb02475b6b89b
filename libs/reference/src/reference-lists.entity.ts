import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('regions')
export class Region {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  /** False for `developed`: countries that are not TA beneficiaries. */
  @Column('boolean')
  beneficiary!: boolean;
}

@Entity('divisions')
export class Division {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;
}

@Entity('topics')
export class Topic {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;
}

@Entity('product_categories')
export class ProductCategory {
  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;
}

@Entity('pls_levels')
export class PlsLevel {
  @PrimaryColumn('smallint')
  level!: number;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;
}
