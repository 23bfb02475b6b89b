import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export const INSTITUTION_TYPES = [
  'government',
  'permanent_mission',
  'parliament',
  'academia',
  'private_sector',
  'civil_society',
  'media',
  'international_org',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** DESIGN section 3: who an applicant is, as the audit report counts them. */
@Entity('applicant_profiles')
export class ApplicantProfile {
  @PrimaryColumn('uuid')
  userId!: string;

  @OneToOne(() => User, (user) => user.profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column('text')
  fullName!: string;

  @Column('text')
  gender!: Gender;

  @Column('char', { length: 3 })
  nationality!: string;

  /** Where they work; a participation's region and LDC flag come from it. */
  @Column('char', { length: 3 })
  country!: string;

  @Column('text')
  institutionType!: InstitutionType;

  @Column('text')
  institution!: string;

  @Column('text')
  position!: string;

  @Column('text', { array: true })
  languages!: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
