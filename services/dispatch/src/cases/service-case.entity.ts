import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
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
  region!: string | null;

  @Column({ name: 'customer_id', type: 'text', nullable: true })
  customerId!: string | null;

  @Column({ name: 'contact_id', type: 'text', nullable: true })
  contactId!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
