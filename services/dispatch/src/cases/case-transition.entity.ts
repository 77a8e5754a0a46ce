import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage } from './domain/case-stage';

/** Every stage move of a case, with who, when and why; keyed by the version it produced, so a version is applied once. */
@Entity({ name: 'case_transitions' })
export class CaseTransitionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ name: 'from_stage', type: 'text' })
  fromStage!: CaseStage;

  @Column({ name: 'to_stage', type: 'text' })
  toStage!: CaseStage;

  @Column({ name: 'actor_id', type: 'text' })
  actorId!: string;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind!: 'user' | 'api_key' | 'service';

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
