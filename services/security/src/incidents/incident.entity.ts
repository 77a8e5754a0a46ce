import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PostIncidentReview } from './domain/post-incident-review';

@Entity({ name: 'incidents' })
export class IncidentEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  severity!: string;

  @Column({ type: 'text' })
  state!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'dedup_key', type: 'text' })
  dedupKey!: string;

  @Column({ name: 'plan_id', type: 'text' })
  planId!: string;

  @Column({ name: 'plan_version', type: 'text' })
  planVersion!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'last_detected_at', type: 'timestamptz' })
  lastDetectedAt!: Date;

  @Column({ type: 'integer' })
  detections!: number;

  /** The post-incident review, set when it closes. */
  @Column({ type: 'jsonb', nullable: true })
  review!: PostIncidentReview | null;

  /** How many plan steps fell due undone. */
  @Column({ name: 'escalation_level', type: 'integer', default: 0 })
  escalationLevel!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
