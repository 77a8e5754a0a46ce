import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ComplaintState } from './domain/complaint';

/** What a complaint adds to its case: written from its first update on (none yet means just filed). */
@Entity({ name: 'complaints' })
export class ComplaintEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'complaint_id', type: 'text' })
  complaintId!: string;

  @Column({ name: 'case_id', type: 'text' })
  caseId!: string;

  /** Derived from the columns below on every write (domain/complaint.ts), kept for the list's filter. */
  @Column({ type: 'text' })
  state!: ComplaintState;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'awaiting_customer', type: 'boolean' })
  awaitingCustomer!: boolean;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'feedback_at', type: 'timestamptz', nullable: true })
  feedbackAt!: Date | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
