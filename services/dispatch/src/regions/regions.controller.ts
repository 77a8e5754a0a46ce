import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { regionNotFound, regionParameter, regionRequest, type RegionResponse, regionSchema, toRegionResponse } from './region-api';
import { AdministerRegions } from './use-cases/administer-regions';

const REGION = zodApiSchema(regionSchema, 'output', 'Region');

/** Which of a tenant's regions are rural, for the fault repair deadline (supervisor or admin). */
@ApiTags('regions')
@Controller('v1/regions')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'Neither supervisor nor admin' })
export class RegionsController {
  constructor(private readonly regions: AdministerRegions) {}

  @Get(':region')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Whether a region of your tenant is rural (72 h fault repair) or a town’s (48 h)' })
  @ApiResponse({ status: 200, schema: REGION, description: 'The region’s setting' })
  @ApiResponse({ status: 404, description: 'Your tenant has not named the region: its faults are held to the town’s 48 h' })
  async get(@CurrentPrincipal() principal: Principal, @Param('region') region: string): Promise<RegionResponse> {
    const { region: name } = parseParametersOr400('params', regionParameter, { region });
    const setting = await this.regions.find(principal.tenantId, name);
    if (!setting) throw regionNotFound(name);
    return toRegionResponse(setting);
  }

  @Put(':region')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Name a region rural or a town’s',
    description:
      'Matched to cases’ `region` regardless of case and surrounding spaces. Decides the repair clock (`fault-repair-rural`, 72 h, or `fault-repair-town`, 48 h) of fault cases whose clocks start from then on, and re-plans the running (or paused) repair clocks of the region’s cases: the new figure applies to the same run, keeping the time already elapsed and paused. Publishes `audit.recorded`.',
  })
  @ApiBody({ schema: zodApiSchema(regionRequest, 'input', 'RegionRequest') })
  @ApiResponse({ status: 200, schema: REGION, description: 'The region’s setting as it is now' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `rural`' })
  async put(@CurrentPrincipal() principal: Principal, @Param('region') region: string, @Body() body: unknown): Promise<RegionResponse> {
    const { region: name } = parseParametersOr400('params', regionParameter, { region });
    const { rural } = parseOr400(regionRequest, body);
    return toRegionResponse(await this.regions.put(principal.tenantId, name, rural, actorOf(principal)));
  }
}
