import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RequiredDocument } from '@trta/sheets';
import type { ApplicationStatus } from './application.policy';

/**
 * A participation form (DESIGN section 3; table from migration 0008). `country` is the
 * applicant's profile country when they applied: the focal point who may endorse it.
 * Seat and nomination counters are kept by a trigger on this table.
 */
@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  activityId!: string;

  @Column('uuid')
  applicantId!: string;

  @Column('char', { length: 3 })
  country!: string;

  @Column('text', { default: '' })
  motivation!: string;

  @Column('text', { default: 'submitted' })
  status!: ApplicationStatus;

  @Column('timestamptz')
  submittedAt!: Date;

  @Column('timestamptz', { nullable: true })
  endorsedAt!: Date | null;

  /** The focal point who endorsed or declined it. */
  @Column('uuid', { nullable: true })
  endorsedBy!: string | null;

  @Column('text', { nullable: true })
  nominationReason!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('text', { nullable: true })
  decisionReason!: string | null;

  /** Set exactly when waitlisted; 1 is the next to be promoted. */
  @Column('int', { nullable: true })
  waitlistPosition!: number | null;

  @Column('int', { nullable: true })
  attendedDays!: number | null;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Column('text', { nullable: true })
  certificateCode!: string | null;

  @Column('timestamptz', { nullable: true })
  withdrawnAt!: Date | null;

  @Column('uuid', { nullable: true })
  registeredBy!: string | null;

  @Column('int', { default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A document attached to an application, one per kind; the file is one of the applicant's uploads. */
@Entity('application_documents')
export class ApplicationDocument {
  @PrimaryColumn('uuid')
  applicationId!: string;

  @PrimaryColumn('text')
  kind!: RequiredDocument;

  @Column('uuid')
  fileId!: string;
}
