import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An `access.denied` event seen, kept to sum a source's attempts within the brute-force window. */
@Entity({ name: 'access_denials' })
export class AccessDenialEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'event_source', type: 'text' })
  eventSource!: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'denial_source', type: 'text' })
  denialSource!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
