import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage } from './domain/case-stage';

@Entity({ name: 'cases' })
export class ServiceCaseEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  priority!: string;

  @Column({ type: 'text' })
  stage!: CaseStage;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId!: string | null;

  @Column({ name: 'contact_id', type: 'text', nullable: true })
  contactId!: string | null;

  @Column({ name: 'escalation_level', type: 'integer' })
  escalationLevel!: number;

  @Column({ name: 'record_complete', type: 'boolean' })
  recordComplete!: boolean;

  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Counts the case's changes; a transition applies only to the version it was decided on. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
