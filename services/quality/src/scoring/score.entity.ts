import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Deduction } from './domain/transcript';

@Entity({ name: 'scores' })
export class ScoreEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'contact_id', type: 'text' })
  contactId!: string;

  @Column({ name: 'agent_id', type: 'text', nullable: true })
  agentId!: string | null;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'jsonb' })
  deductions!: Deduction[];

  @Column({ name: 'standard_id', type: 'text' })
  standardId!: string;

  @Column({ name: 'standard_version', type: 'text' })
  standardVersion!: string;

  @Column({ name: 'rules_version', type: 'text' })
  rulesVersion!: string;

  @Column({ name: 'transcript_time', type: 'timestamptz' })
  transcriptTime!: Date;

  @Column({ name: 'scored_at', type: 'timestamptz' })
  scoredAt!: Date;
}
