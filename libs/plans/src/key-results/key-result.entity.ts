import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { TaPlan } from '../plans/ta-plan.entity';

/** A key result of a plan's results framework; its code is unique within the plan. */
@Entity('key_results')
export class KeyResult {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  planId!: string;

  @ManyToOne('TaPlan', (plan: TaPlan) => plan.keyResults, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<TaPlan>;

  @Column('text')
  code!: string;

  @Column('text')
  title!: string;

  @Column('int')
  position!: number;

  @OneToMany('Indicator', (indicator: Indicator) => indicator.keyResult)
  indicators?: Relation<Indicator>[];
}

/** How a key result is measured: a baseline, a target and an actual value per year. */
@Entity('indicators')
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  keyResultId!: string;

  @ManyToOne('KeyResult', (keyResult: KeyResult) => keyResult.indicators, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'key_result_id' })
  keyResult?: Relation<KeyResult>;

  @Column('text')
  description!: string;

  @Column('text')
  unit!: string;

  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  baseline!: string | null;

  @Column('numeric', { precision: 14, scale: 2 })
  target!: string;

  /** Order of the indicators within their key result. */
  @Column('int')
  position!: number;

  @OneToMany('IndicatorActual', (actual: IndicatorActual) => actual.indicator)
  actuals?: Relation<IndicatorActual>[];
}

@Entity('indicator_actuals')
export class IndicatorActual {
  @PrimaryColumn('uuid')
  indicatorId!: string;

  @PrimaryColumn('int')
  year!: number;

  @ManyToOne('Indicator', (indicator: Indicator) => indicator.actuals, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @Column('numeric', { precision: 14, scale: 2 })
  value!: string;
}
