import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { TaPlan } from '../plans/ta-plan.entity';

/** Every change to a plan, its products and its results framework: who, when, what. */
@Entity('plan_history')
export class PlanHistory {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid')
  planId!: string;

  @ManyToOne('TaPlan', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<TaPlan>;

  /** The product the change was made to, when it was one. */
  @Column('uuid', { nullable: true })
  productId!: string | null;

  /** The key result the change was made to (or to one of its indicators), when it was one. */
  @Column('uuid', { nullable: true })
  keyResultId!: string | null;

  @Column('uuid', { nullable: true })
  userId!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  /** One of PLAN_HISTORY_ACTIONS. */
  @Column('text')
  action!: string;

  /** `{ field: { from, to } }`; fields of indicators are paths such as `indicators.<id>.actuals.2026`. */
  @Column('jsonb', { default: {} })
  changes!: Record<string, { from: unknown; to: unknown }>;
}
