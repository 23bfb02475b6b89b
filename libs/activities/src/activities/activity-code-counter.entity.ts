import { Column, Entity } from 'typeorm';

/** The last number handed out per year for activity codes. */
@Entity('activity_code_counters')
export class ActivityCodeCounter {
  @Column('int', { primary: true })
  year!: number;

  @Column('int')
  last!: number;
}
