import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every event that opened a case (`case.opened`, `fault.reported`, `complaint.filed`; again under a
 * re-sent event id too): the `event` items of the case's timeline. Stage moves are in `case_transitions`.
 */
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
