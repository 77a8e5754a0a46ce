import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A Connect resource (an agent, a queue) and the name its contact records use for it. */
export interface ResourceName {
  arn: string;
  name: string;
}

/** Most ARNs one delivery may name: a delivery holds at most 1,000 records of two ARNs each. */
const MAX_LOOKUP = 2000;

/**
 * Each tenant's Connect agent and queue names by ARN, learnt from its agent events, so a contact
 * event (which names them by ARN only) names them as the contact records do. A cache of what Connect
 * said last: a renamed queue is renamed here by the next agent event.
 */
@Injectable()
export class ConnectResourceNames {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async learn(tenantId: string, names: readonly ResourceName[]): Promise<void> {
    const unique = [...new Map(names.map((entry) => [entry.arn, entry.name])).entries()];
    if (unique.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO intake.connect_resource_names (tenant_id, arn, name)
       SELECT $1, arn, name FROM unnest($2::text[], $3::text[]) AS n(arn, name)
       ON CONFLICT (tenant_id, arn) DO UPDATE SET name = excluded.name, learnt_at = now()
       WHERE connect_resource_names.name IS DISTINCT FROM excluded.name`,
      [tenantId, unique.map(([arn]) => arn), unique.map(([, name]) => name)],
    );
  }

  async lookup(tenantId: string, arns: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const unique = [...new Set(arns)].slice(0, MAX_LOOKUP);
    if (unique.length === 0) return new Map();
    const rows: { arn: string; name: string }[] = await this.dataSource.query(
      `SELECT arn, name FROM intake.connect_resource_names WHERE tenant_id = $1 AND arn = ANY($2::text[])`,
      [tenantId, unique],
    );
    return new Map(rows.map((row) => [row.arn, row.name]));
  }
}
