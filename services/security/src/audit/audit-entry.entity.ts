import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'audit_entries' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  /** The entry's place in its tenant's chain, from 1. */
  @Column({ type: 'bigint' })
  position!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  source!: string;

  /** Kept as the exact text received, because the hash covers it. */
  @Column({ name: 'occurred_at', type: 'text' })
  occurredAt!: string;

  /** The same instant as a timestamp, for searching by time (not hashed: occurred_at is). */
  @Column({ name: 'occurred_time', type: 'timestamptz', nullable: true })
  occurredTime!: Date | null;

  @Column({ name: 'payload_digest', type: 'text' })
  payloadDigest!: string;

  @Column({ type: 'text', nullable: true })
  actor!: string | null;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ name: 'hash_version', type: 'smallint' })
  hashVersion!: number;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
