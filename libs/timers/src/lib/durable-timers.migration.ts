import type { MigrationInterface, QueryRunner } from 'typeorm';
import { durableTimersV1Sql } from './timers-tables';

/** A service's migration to durable timers v1; add it to the service's migrations when it needs timers. */
export function durableTimersMigration(schema: string): new () => MigrationInterface {
  return class CreateDurableTimers1795992780000 implements MigrationInterface {
    name = 'CreateDurableTimers1795992780000';

    async up(q: QueryRunner): Promise<void> {
      for (const sql of durableTimersV1Sql(schema)) await q.query(sql);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}".timers_parked`);
      await q.query(`DROP TABLE "${schema}".timers`);
    }
  };
}
