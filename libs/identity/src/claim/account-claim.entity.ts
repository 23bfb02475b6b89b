import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A pending claim of an account staff created (password_hash still null); deleted once claimed. */
@Entity('account_claims')
export class AccountClaim {
  @PrimaryColumn('uuid')
  userId!: string;

  /** SHA-256 of the token sent to the person; the token itself is never stored. */
  @Column('bytea', { select: false })
  tokenHash!: Buffer;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('uuid', { nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
