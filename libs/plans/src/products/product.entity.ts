import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { TaPlan } from '../plans/ta-plan.entity';

export const FUNDING_SOURCES = ['regular_budget', 'global_trust_fund', 'other_trust_fund', 'partner'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** One of the TA products of a plan; its code is unique within the plan (products_plan_code_key). */
@Entity('products')
export class Product {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  planId!: string;

  @ManyToOne('TaPlan', (plan: TaPlan) => plan.products)
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<TaPlan>;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  /** A code of product_categories. */
  @Column('text')
  category!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  /** CHF, as PostgreSQL prints numeric(14,2): an exact decimal string. */
  @Column('numeric', { precision: 14, scale: 2 })
  plannedBudget!: string;

  @Column('text')
  fundingSource!: FundingSource;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
