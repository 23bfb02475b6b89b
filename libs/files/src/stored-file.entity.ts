import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An uploaded file, kept in PostgreSQL so API replicas stay stateless (migration 0004). */
@Entity('stored_files')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Sanitized; its extension matches the detected type. */
  @Column('text')
  filename!: string;

  /** Detected from the content, never taken from the client. */
  @Column('text')
  mediaType!: string;

  @Column('int')
  sizeBytes!: number;

  @Column('char', { length: 64 })
  sha256!: string;

  @Column('bytea', { select: false })
  content!: Buffer;

  @Column('uuid', { nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
