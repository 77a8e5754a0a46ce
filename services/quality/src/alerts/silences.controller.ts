import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { z } from 'zod';
import { silenceNotFound } from './alert-problems';
import { listSilencesQuery, silenceBody, silenceIdParam } from './alert-requests';
import type { StoredSilence } from './silences.repository';
import { ManageSilences } from './use-cases/manage-silences';

export const silenceSchema = z.object({
  silenceId: z.string(),
  matchers: z.array(z.object({ label: z.string(), op: z.enum(['=', '!=']), value: z.string() })),
  startsAt: z.string(),
  endsAt: z.string(),
  expiredAt: z.string().nullable(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiredBy: z.string().nullable(),
});
type SilenceResponse = z.output<typeof silenceSchema>;
const SILENCE = zodApiSchema(silenceSchema, 'output', 'Silence');

const iso = (ms: number): string => new Date(ms).toISOString();
function toResponse(s: StoredSilence): SilenceResponse {
  return {
    silenceId: s.silenceId,
    matchers: [...s.matchers],
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    expiredAt: s.expiredAt === null ? null : iso(s.expiredAt),
    reason: s.reason,
    createdBy: s.createdBy,
    createdAt: iso(s.createdAt),
    expiredBy: s.expiredBy,
  };
}

/** Silences: alerts matching one are recorded but not paged (no `alert.raised`) until it ends. */
@ApiTags('alerts')
@Controller('v1/silences')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class SilencesController {
  constructor(private readonly silences: ManageSilences) {}

  @Post()
  @Roles('supervisor')
  @ApiOperation({ summary: 'Silence alerts whose labels match every matcher, from startsAt (default now) to endsAt; the creator comes from your token; audited' })
  @ApiBody({ schema: zodApiSchema(silenceBody, 'input', 'SilenceRequest') })
  @ApiResponse({ status: 201, schema: SILENCE, description: 'The silence' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `endsAt` before `startsAt`' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<SilenceResponse> {
    return toResponse(await this.silences.create(principal.tenantId, parseOr400(silenceBody, body), actorOf(principal)));
  }

  @Get()
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "Your tenant's silences, latest first (keyset pages)" })
  @ApiQuery({ name: 'active', required: false, enum: ['true', 'false'], description: '`true`: only those not yet ended' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page, unchanged' })
  @ApiResponse({ status: 200, schema: zodApiSchema(z.object({ items: z.array(silenceSchema), nextCursor: z.string().nullable() }), 'output', 'SilencePage'), description: 'A page of silences' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<{ items: SilenceResponse[]; nextCursor: string | null }> {
    const page = await this.silences.list(principal.tenantId, parseParametersOr400('query', listSilencesQuery, query));
    return { items: page.items.map(toResponse), nextCursor: page.nextCursor };
  }

  @Delete(':silenceId')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Expire a silence now (idempotent); audited' })
  @ApiResponse({ status: 200, schema: SILENCE, description: 'The silence as it ended' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such silence' })
  async expire(@CurrentPrincipal() principal: Principal, @Param('silenceId') silenceId: string): Promise<SilenceResponse> {
    const id = parseParametersOr400('params', z.object({ silenceId: silenceIdParam }), { silenceId }).silenceId;
    const expired = await this.silences.expire(principal.tenantId, id, actorOf(principal));
    if (!expired) throw silenceNotFound(silenceId);
    return toResponse(expired);
  }
}
