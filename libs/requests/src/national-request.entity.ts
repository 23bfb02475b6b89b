import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RequestStatus } from './request.policy';

/** A person the institute may contact about a request. */
export class RequestContact {
  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ example: 'Director of trade policy' })
  role!: string;
}

/** A member's request for a national activity (DESIGN section 3; migration 0013). */
@Entity('national_requests')
export class NationalRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The focal point's own country, never taken from the request body. */
  @Column('char', { length: 3 })
  country!: string;

  @Column('uuid', { nullable: true })
  requestedBy!: string | null;

  @Column('text', { array: true })
  topics!: string[];

  /** e.g. `2026-Q3`. */
  @Column('text')
  preferredQuarter!: string;

  @Column('text')
  language!: 'en' | 'fr' | 'es';

  @Column('text')
  needsAssessment!: string;

  @Column('text')
  expectedOutcomes!: string;

  @Column('text')
  targetAudience!: string;

  @Column('int')
  expectedParticipants!: number;

  @Column('jsonb', { default: [] })
  contacts!: RequestContact[];

  @Column('text', { default: 'submitted' })
  status!: RequestStatus;

  @Column('text', { nullable: true })
  decisionReason!: string | null;

  /** Why the committee approved past the plan's ceiling per country. */
  @Column('text', { nullable: true })
  ceilingOverrideReason!: string | null;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  /** The planned national activity once scheduled; that activity's national_request_id points back. */
  @Column('uuid', { nullable: true, unique: true })
  activityId!: string | null;

  @Column('int', { default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A document attached to a request: for now the official letter, one per request. */
@Entity('request_documents')
export class RequestDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  requestId!: string;

  @Column('text')
  kind!: 'official_letter';

  @Column('uuid')
  fileId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
