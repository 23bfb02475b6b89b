import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const MATERIAL_KINDS = ['reading', 'training'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** A reading or training material of a sheet: a link, or an uploaded file (never both). */
@Entity('sheet_materials')
export class SheetMaterial {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  activityId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  kind!: MaterialKind;

  @Column('text', { nullable: true })
  language!: 'en' | 'fr' | 'es' | null;

  @Column('text', { nullable: true })
  url!: string | null;

  /** A clone's materials share the original's stored files. */
  @Column('uuid', { nullable: true })
  fileId!: string | null;

  @Column('int', { default: 0 })
  position!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
