import { Module } from '@nestjs/common';
import { auditAnchorKeyProvider } from './audit-anchor-key.provider';
import { AuditAnchorsRepository } from './audit-anchors.repository';
import { AuditController } from './audit.controller';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditEventsHandler } from './audit-events.handler';
import { ListAuditEntries } from './use-cases/list-audit-entries';
import { RecordAuditEntries } from './use-cases/record-audit-entries';
import { VerifyAuditChain } from './use-cases/verify-audit-chain';

/**
 * The audit trail, laid out as every capability is: `domain/` (chain linking, anchors,
 * verification), repositories mapping rows to domain entries, use cases, and the HTTP and message
 * adapters that call them (the message adapter takes a whole batch).
 */
@Module({
  controllers: [AuditController, AuditEventsHandler],
  providers: [auditAnchorKeyProvider, AuditEntriesRepository, AuditAnchorsRepository, RecordAuditEntries, ListAuditEntries, VerifyAuditChain],
})
export class AuditModule {}
