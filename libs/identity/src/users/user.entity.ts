import { Column, CreateDateColumn, Entity, OneToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { Role } from '@trta/http';
import { ApplicantProfile } from './applicant-profile.entity';

export type Locale = 'en' | 'fr' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'fr', 'es'];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique regardless of case (unique index on lower(email)). */
  @Column('text')
  email!: string;

  /** Null for an account staff created for a participant, until the person claims it. */
  @Column('text', { nullable: true, select: false })
  passwordHash!: string | null;

  @Column('text')
  role!: Role;

  /** The country a focal point acts for. */
  @Column('char', { length: 3, nullable: true })
  country!: string | null;

  @Column('text', { default: 'en' })
  locale!: Locale;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @OneToOne(() => ApplicantProfile, (profile) => profile.user)
  profile?: Relation<ApplicantProfile>;
}
