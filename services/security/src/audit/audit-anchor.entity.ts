import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed checkpoint of a tenant's chain head (see domain/chain-anchor). */
@Entity({ name: 'audit_anchors' })
export class AuditAnchorEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'bigint' })
  position!: string;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  hash!: string;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt!: Date;

  @Column({ name: 'prev_signature', type: 'text' })
  prevSignature!: string;

  @Column({ type: 'text' })
  signature!: string;
}
