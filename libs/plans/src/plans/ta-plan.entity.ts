import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { KeyResult } from '../key-results/key-result.entity';
import type { Product } from '../products/product.entity';
import type { PlanStatus } from '../plan.policy';


/** A biennial Technical Assistance Plan; periods of two plans never overlap (ta_plans_period_excl). */
@Entity('ta_plans')
export class TaPlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** e.g. `2026-2027`. */
  @Column('text', { unique: true })
  code!: string;

  @Column('text')
  title!: string;

  @Column('date')
  periodStart!: string;

  @Column('date')
  periodEnd!: string;

  @Column('text', { default: 'draft' })
  status!: PlanStatus;

  @Column('text', { nullable: true })
  notes!: string | null;

  /** Most national activities one country may receive under the plan. */
  @Column('int', { nullable: true })
  ceilingPerCountry!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany('Product', (product: Product) => product.plan)
  products?: Relation<Product>[];

  @OneToMany('KeyResult', (keyResult: KeyResult) => keyResult.plan)
  keyResults?: Relation<KeyResult>[];
}
