import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { auditEntriesQuery } from './audit-entries-query';
import { type AuditEntryPage, auditEntryPageSchema } from './audit-entry-response';
import { chainVerdictSchema } from './chain-verdict-response';
import type { ChainVerdict } from './domain/chain-verification';
import { ListAuditEntries } from './use-cases/list-audit-entries';
import { VerifyAuditChain } from './use-cases/verify-audit-chain';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly listEntries: ListAuditEntries,
    private readonly verifyChain: VerifyAuditChain,
  ) {}

  @Get('entries')
  @Roles('security', 'admin')
  @ApiOperation({ summary: "Search your tenant's audit entries by actor, subject, type and time, newest first" })
  @ApiQuery({ name: 'actor', required: false, description: 'Who acted (a user or agent id)' })
  @ApiQuery({ name: 'subject', required: false, description: 'What was acted on (e.g. a case, contact or fault id)' })
  @ApiQuery({ name: 'type', required: false, description: 'Event type, e.g. case.opened' })
  @ApiQuery({ name: 'from', required: false, schema: { type: 'string', format: 'date-time' }, description: "Event time from (inclusive)" })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'string', format: 'date-time' }, description: 'Event time to (exclusive)' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', default: 100 }, description: 'How many entries, 1 to 1,000 (clamped); 100 by default' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiResponse({ status: 200, schema: zodApiSchema(auditEntryPageSchema, 'output', 'AuditEntryPage'), description: 'A page of entries' })
  @ApiResponse({ status: 400, description: 'problem+json naming the query parameter that is malformed or unknown' })
  entries(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<AuditEntryPage> {
    return this.listEntries.execute(principal.tenantId, parseParametersOr400('query', auditEntriesQuery, query));
  }

  /** Recomputes the tenant's hash chain and checks its signed anchors, page by page. */
  @Get('verify')
  @Roles('security', 'admin')
  @ApiOperation({ summary: "Verify your tenant's hash chain and its signed anchors" })
  @ApiResponse({ status: 200, schema: zodApiSchema(chainVerdictSchema, 'output', 'ChainVerdict'), description: 'Intact, or the first broken entry and why' })
  verify(@CurrentPrincipal() principal: Principal): Promise<ChainVerdict> {
    return this.verifyChain.execute(principal.tenantId);
  }
}
