import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ComplaintEntryKind } from './domain/complaint-entry';

/** Every step of a complaint's handling, in the order recorded; `detail` holds the step's own fields. */
@Entity({ name: 'complaint_entries' })
export class ComplaintEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'complaint_id', type: 'text' })
  complaintId!: string;

  @Column({ type: 'text' })
  kind!: ComplaintEntryKind;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: 'user' | 'api_key' | 'service';

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ type: 'jsonb' })
  detail!: object;
}
