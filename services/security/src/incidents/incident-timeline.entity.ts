import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'incident_timeline' })
export class IncidentTimelineEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;
}
