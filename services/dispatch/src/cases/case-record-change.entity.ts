import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FieldChange, RecordEditable } from './domain/case-record';

/** Every change of a case's record, with who and when; keyed by the version it produced, as transitions are. */
@Entity({ name: 'case_record_changes' })
export class CaseRecordChangeEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  changes!: Partial<Record<RecordEditable, FieldChange>>;

  @Column({ name: 'record_complete', type: 'boolean' })
  recordComplete!: boolean;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: 'user' | 'api_key' | 'service';

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ type: 'timestamptz' })
  at!: Date;
}
