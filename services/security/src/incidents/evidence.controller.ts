import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, type Principal, ProblemException, Roles, zodApiSchema } from '@hotline/platform';
import { z } from 'zod';
import { evidenceProblem, incidentNotFound } from './incident-problems';
import { addEvidenceRequest, custodyRequest } from './evidence-requests';
import { type EvidenceDownload, evidenceDownloadSchema, evidenceListSchema, type EvidenceResponse, evidenceSchema } from './evidence-response';
import { AccessEvidence } from './use-cases/access-evidence';
import { AddEvidence } from './use-cases/add-evidence';
import { ListEvidence } from './use-cases/list-evidence';

const uuid = z.uuid();
const EVIDENCE = zodApiSchema(evidenceSchema, 'output', 'Evidence');
const NOT_FOUND = { status: 404, description: 'Your tenant has no such incident, or it holds no such evidence' } as const;

function evidenceNotFound(incidentId: string, evidenceId: string): ProblemException {
  return new ProblemException({ status: 404, detail: `Incident ${incidentId} of your tenant holds no evidence ${evidenceId}.` });
}

/** Evidence of an incident, append-only: added, listed, downloaded and handed over; never changed or deleted. */
@ApiTags('incidents')
@Controller('v1/incidents/:id/evidence')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class EvidenceController {
  constructor(
    private readonly addEvidence: AddEvidence,
    private readonly listEvidence: ListEvidence,
    private readonly accessEvidence: AccessEvidence,
  ) {}

  @Post()
  @Roles('security')
  @ApiOperation({
    summary: 'Add evidence to an incident, with its SHA-256',
    description:
      'The content (base64) is kept with its SHA-256 once the hash the sender computed matches it; its chain of custody opens with `collected`, the timeline records it and `audit.recorded` is published, in one transaction. Evidence is append-only: no route changes or deletes it. Size limit: `SECURITY_EVIDENCE_MAX_BYTES` (default 5 MiB).',
  })
  @ApiBody({ schema: zodApiSchema(addEvidenceRequest, 'input', 'AddEvidenceRequest') })
  @ApiResponse({ status: 201, schema: EVIDENCE, description: 'The evidence as kept, with its custody' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `content` (not base64), `sha256` (not 64 hex digits)' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 413, description: 'The content is larger than the limit; nothing was stored' })
  @ApiResponse({ status: 422, description: 'problem+json naming `sha256`: it is not the content’s SHA-256; nothing was stored' })
  async add(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<EvidenceResponse> {
    const { name, mediaType, content, sha256 } = parseOr400(addEvidenceRequest, body);
    if (!uuid.safeParse(id).success) throw incidentNotFound(id);
    const bytes = Buffer.from(content, 'base64');
    const added = await this.addEvidence.execute({ tenantId: principal.tenantId, incidentId: id, name, mediaType, content: bytes, sha256, actor: actorOf(principal) }).catch((error: unknown) => {
      throw evidenceProblem(error);
    });
    if (!added) throw incidentNotFound(id);
    return added;
  }

  @Get()
  @Roles('security')
  @ApiOperation({ summary: 'An incident’s evidence: hashes re-verified now (`integrity`), and each piece’s chain of custody' })
  @ApiResponse({ status: 200, schema: zodApiSchema(evidenceListSchema, 'output', 'EvidenceList'), description: 'Oldest first' })
  @ApiResponse(NOT_FOUND)
  async list(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<{ items: EvidenceResponse[] }> {
    const found = uuid.safeParse(id).success ? await this.listEvidence.execute(principal.tenantId, id) : undefined;
    if (!found) throw incidentNotFound(id);
    return found;
  }

  @Get(':evidenceId')
  @Roles('security')
  @ApiOperation({
    summary: 'Download a piece of evidence',
    description: 'Appends `accessed` to its custody (who, when, and the hash re-verified) and publishes `audit.recorded`. A stored blob whose hash no longer matches is answered with `integrity: tampered`.',
  })
  @ApiResponse({ status: 200, schema: zodApiSchema(evidenceDownloadSchema, 'output', 'EvidenceDownload'), description: 'The evidence with its content (base64)' })
  @ApiResponse(NOT_FOUND)
  async download(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('evidenceId') evidenceId: string): Promise<EvidenceDownload> {
    const ids = uuid.safeParse(id).success && uuid.safeParse(evidenceId).success;
    const found = ids ? await this.accessEvidence.download({ tenantId: principal.tenantId, incidentId: id, evidenceId, actor: actorOf(principal) }) : undefined;
    if (!found) throw evidenceNotFound(id, evidenceId);
    return found;
  }

  @Post(':evidenceId/custody')
  @Roles('security')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a hand-over or handling of the evidence on its chain of custody (the hash is re-verified)' })
  @ApiBody({ schema: zodApiSchema(custodyRequest, 'input', 'CustodyRequest') })
  @ApiResponse({ status: 200, schema: EVIDENCE, description: 'The evidence with its custody' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `action`, or `to` for a transfer' })
  @ApiResponse(NOT_FOUND)
  async custody(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('evidenceId') evidenceId: string, @Body() body: unknown): Promise<EvidenceResponse> {
    const { action, to, note } = parseOr400(custodyRequest, body);
    const ids = uuid.safeParse(id).success && uuid.safeParse(evidenceId).success;
    const found = ids ? await this.accessEvidence.record({ tenantId: principal.tenantId, incidentId: id, evidenceId, actor: actorOf(principal), action, to, note }) : undefined;
    if (!found) throw evidenceNotFound(id, evidenceId);
    return found;
  }
}
