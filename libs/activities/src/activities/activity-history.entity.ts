import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Activity } from './activity.entity';

/** Every change to an activity: who (null for the system), when, what. */
@Entity('activity_history')
export class ActivityHistory {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid')
  activityId!: string;

  @ManyToOne(() => Activity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<Activity>;

  @Column('uuid', { nullable: true })
  userId!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  at!: Date;

  /** `create`, `update`, a lifecycle action (`confirm`, `open`, ...) or `auto-close`. */
  @Column('text')
  action!: string;

  @Column('jsonb', { default: {} })
  changes!: Record<string, unknown>;
}
