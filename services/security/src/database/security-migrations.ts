import { outboxParkingMigration } from '@hotline/messaging';
import { tenantStandardsMigration } from '@hotline/tenant-standards';
import { durableTimersMigration } from '@hotline/timers';
import { CreateSecuritySchema1764028800000 } from './migrations/1764028800000-create-security-schema';
import { AuditChainBatchesAnchorsSearch1796000200000 } from './migrations/1796000200000-audit-chain-batches-anchors-search';
import { SecurityIncidents1796800000000 } from './migrations/1796800000000-security-incidents';
import { IncidentResponse1796900000000 } from './migrations/1796900000000-incident-response';
import { RecordReads1797000000000 } from './migrations/1797000000000-record-reads';
import { Inspections1797000100000 } from './migrations/1797000100000-inspections';
import { ResponsePlans1797500000000 } from './migrations/1797500000000-response-plans';

/** Security's migrations in the order they run; a migration's test takes those before it from here. */
export const SECURITY_MIGRATIONS = [
  CreateSecuritySchema1764028800000,
  outboxParkingMigration('security'),
  tenantStandardsMigration('security'),
  AuditChainBatchesAnchorsSearch1796000200000,
  SecurityIncidents1796800000000,
  durableTimersMigration('security'),
  IncidentResponse1796900000000,
  RecordReads1797000000000,
  Inspections1797000100000,
  ResponsePlans1797500000000,
];

/** The migrations that run before `migration`. */
export function migrationsBefore(migration: (typeof SECURITY_MIGRATIONS)[number]): typeof SECURITY_MIGRATIONS {
  return SECURITY_MIGRATIONS.slice(0, SECURITY_MIGRATIONS.indexOf(migration));
}
