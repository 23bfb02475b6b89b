import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { Activity } from '../activities/activity.entity';

export const OBJECTIVES_MET = ['fully', 'partly', 'not'] as const;
export type ObjectivesMet = (typeof OBJECTIVES_MET)[number];

/**
 * What the responsible officer reports once an activity is delivered (DESIGN section 3). The
 * audit's "results met" counts the reports whose objectives were met fully or partly.
 */
@Entity('back_to_office_reports')
export class BackToOfficeReport {
  @PrimaryColumn('uuid')
  activityId!: string;

  @OneToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<Activity>;

  @Column('int')
  sessionsHeld!: number;

  /** Participants by gender as observed in the room, not as they registered. */
  @Column('int')
  participantsFemale!: number;

  @Column('int')
  participantsMale!: number;

  @Column('int')
  participantsOther!: number;

  /** Why the participants observed differ from those recorded as attending (required when they do). */
  @Column('text', { nullable: true })
  participantsNote!: string | null;

  @Column('text')
  objectivesMet!: ObjectivesMet;

  @Column('text', { nullable: true })
  evidence!: string | null;

  @Column('text', { nullable: true })
  conclusion!: string | null;

  @Column('text', { nullable: true })
  lessons!: string | null;

  /** Who wrote the current version. */
  @Column('uuid', { nullable: true })
  authorId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Bumped by every save; a PUT that carries an older one is refused. */
  @Column('int', { default: 1 })
  version!: number;
}
