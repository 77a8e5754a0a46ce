import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a tenant's SLA policy warns (`PUT /v1/sla-policies/:policyId` `warnAt`): fractions of the
 * budget, kept with the policy's other settings; null is Hotline's default (50 % and 80 %).
 */
export class SlaPolicyWarnPoints1797000100000 implements MigrationInterface {
  name = 'SlaPolicyWarnPoints1797000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.sla_policy_settings ADD COLUMN warn_points jsonb NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.sla_policy_settings DROP COLUMN warn_points`);
  }
}
