import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'contact_tallies' })
export class ContactTallyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  queue!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'integer' })
  queued!: number;

  @Column({ type: 'integer' })
  answered!: number;

  @Column({ type: 'integer' })
  abandoned!: number;

  @Column({ type: 'integer' })
  ended!: number;
}
