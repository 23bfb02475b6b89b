import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { Product, TaPlan } from '@trta/plans';

export const ACTIVITY_TYPES = ['national', 'regional', 'global'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const DELIVERY_MODES = ['face_to_face', 'online', 'hybrid', 'e_learning'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Modes without a physical venue: they need none to be confirmed. */
export const REMOTE_MODES: readonly DeliveryMode[] = ['online', 'e_learning'];
/** Modes that gather people in a room, and so can clash over a venue or a country's officials. */
export const IN_PERSON_MODES: readonly DeliveryMode[] = ['face_to_face', 'hybrid'];

export const ACTIVITY_LANGUAGES = ['en', 'fr', 'es'] as const;
export type ActivityLanguage = (typeof ACTIVITY_LANGUAGES)[number];

export const ACTIVITY_FUNDING_SOURCES = ['regular_budget', 'global_trust_fund', 'other_trust_fund', 'partner'] as const;
export type ActivityFundingSource = (typeof ACTIVITY_FUNDING_SOURCES)[number];

export const ACTIVITY_STATUSES = ['planned', 'confirmed', 'open', 'closed', 'delivered', 'cancelled', 'postponed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** A row of the products matrix (DESIGN section 3). Codes like `TA-2026-0042` come from activity_code_counters. */
@Entity('activities')
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  code!: string;

  @Column('uuid')
  planId!: string;

  @ManyToOne('TaPlan')
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<TaPlan>;

  @Column('uuid')
  productId!: string;

  @ManyToOne('Product')
  @JoinColumn({ name: 'product_id' })
  product?: Relation<Product>;

  @Column('text')
  title!: string;

  @Column('text')
  type!: ActivityType;

  @Column('text')
  deliveryMode!: DeliveryMode;

  @Column('smallint', { nullable: true })
  plsLevel!: number | null;

  @Column('text', { array: true })
  languages!: ActivityLanguage[];

  /** Codes of the topics table. */
  @Column('text', { array: true, default: '{}' })
  topics!: string[];

  /** A code of the divisions table. */
  @Column('text')
  leadDivision!: string;

  @Column('char', { length: 3, array: true, default: '{}' })
  beneficiaryCountries!: string[];

  @Column('text', { nullable: true })
  region!: string | null;

  /** e.g. `2026-Q2`. */
  @Column('text', { nullable: true })
  plannedQuarter!: string | null;

  @Column('date', { nullable: true })
  startDate!: string | null;

  @Column('date', { nullable: true })
  endDate!: string | null;

  @Column('text', { nullable: true })
  venueCity!: string | null;

  @Column('char', { length: 3, nullable: true })
  venueCountry!: string | null;

  @Column('int')
  capacity!: number;

  @Column('date', { nullable: true })
  applicationDeadline!: string | null;

  @Column('boolean', { default: false })
  requiresNomination!: boolean;

  /** Most endorsed applications per country. */
  @Column('int', { default: 2 })
  nominationQuota!: number;

  @Column('smallint', { nullable: true })
  prerequisiteLevel!: number | null;

  /** Ids of the plan's key results this activity contributes to. */
  @Column('uuid', { array: true, default: '{}' })
  keyResults!: string[];

  /** CHF, an exact decimal string. */
  @Column('numeric', { precision: 14, scale: 2 })
  budgetPlanned!: string;

  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  budgetActual!: string | null;

  @Column('text')
  fundingSource!: ActivityFundingSource;

  @Column('text', { array: true, default: '{}' })
  partners!: string[];

  @Column('text', { default: 'planned' })
  status!: ActivityStatus;

  @Column('text', { nullable: true })
  statusReason!: string | null;

  /** When the activity sheet was published; opening the call requires it. */
  @Column('timestamptz', { nullable: true })
  sheetPublishedAt!: Date | null;

  /** Optimistic concurrency: every change bumps it, and a PATCH must carry the one it read. */
  @Column('int', { default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;
}
