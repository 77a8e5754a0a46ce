import { Body, Controller, Get, HttpCode, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { actorOf, CurrentPrincipal, type Principal, ProblemException, Roles, zodApiSchema, zodProblemErrors } from '@hotline/platform';
import { DEFAULT_SCHEME, scorecardScheme } from './domain/scheme';
import type { KeptScheme } from './scheme.repository';
import { type SchemeResponse, schemeResponseSchema } from './scorecard-responses';
import { ScorecardsClock } from './scorecards-clock';
import { ManageScheme } from './use-cases/manage-scheme';

const SCHEME = zodApiSchema(schemeResponseSchema, 'output', 'ScorecardScheme');

@ApiTags('scorecards')
@Controller('v1/scorecard-scheme')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class SchemeController {
  constructor(
    private readonly schemes: ManageScheme,
    private readonly clock: ScorecardsClock,
  ) {}

  @Get()
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "The tenant's scorecard points scheme in force (version 0: the default, until the tenant puts one)" })
  @ApiResponse({ status: 200, schema: SCHEME, description: 'The current scheme and its version' })
  async get(@CurrentPrincipal() principal: Principal): Promise<SchemeResponse> {
    return view(await this.schemes.current(principal.tenantId));
  }

  @Put()
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Put a new version of the points scheme (audited)',
    description: 'Entries recorded from then on carry the new version; entries already in the ledger keep theirs. Monthly bonuses are judged with the current scheme.',
  })
  @ApiBody({ schema: { ...zodApiSchema(scorecardScheme, 'input', 'ScorecardSchemeRequest'), example: DEFAULT_SCHEME } })
  @ApiResponse({ status: 201, schema: SCHEME, description: 'A new version' })
  @ApiResponse({ status: 200, schema: SCHEME, description: 'The same scheme as the current version: nothing changes' })
  @ApiResponse({ status: 422, description: 'problem+json naming every invalid field, e.g. `breaches.answer`' })
  async put(@CurrentPrincipal() principal: Principal, @Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<SchemeResponse> {
    const parsed = scorecardScheme.safeParse(body);
    if (!parsed.success) {
      throw new ProblemException({ status: 422, title: 'Invalid scorecard scheme', detail: 'The scheme is not valid; see errors.', errors: zodProblemErrors(parsed.error) });
    }
    const { created, kept } = await this.schemes.put(principal.tenantId, parsed.data, actorOf(principal), this.clock.now());
    res.status(created ? 201 : 200);
    return view(kept);
  }
}

function view({ version, scheme, createdBy, createdAt }: KeptScheme): SchemeResponse {
  return { version, scheme, createdBy, createdAt: createdAt?.toISOString() ?? null };
}
