import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every change to a case, in the order it happened (the case's full record, manual ch. 6.4). */
@Entity({ name: 'case_history' })
export class CaseHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb', default: {} })
  detail!: Record<string, unknown>;
}
