import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, ProblemException, Roles, zodApiSchema } from '@hotline/platform';
import { inspectionDefinition, inspectionIdParams, putInspectionRequest, recordResultsRequest } from './inspection-requests';
import { inspectionListSchema, type InspectionResponse, inspectionSchema } from './inspection-response';
import { ListInspections } from './use-cases/list-inspections';
import { PutInspection } from './use-cases/put-inspection';
import { RecordInspectionResults } from './use-cases/record-inspection-results';

const INSPECTION = zodApiSchema(inspectionSchema, 'output', 'Inspection');

@ApiTags('inspections')
@Controller('v1/inspections')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class InspectionsController {
  constructor(
    private readonly listInspections: ListInspections,
    private readonly putInspection: PutInspection,
    private readonly recordResults: RecordInspectionResults,
  ) {}

  @Get()
  @Roles('security', 'admin')
  @ApiOperation({ summary: "Your tenant's inspections (MANUAL ch. 7.4), soonest due first, each with its latest result" })
  @ApiResponse({ status: 200, schema: zodApiSchema(inspectionListSchema, 'output', 'InspectionList'), description: 'The inspections' })
  list(@CurrentPrincipal() principal: Principal): Promise<{ items: InspectionResponse[] }> {
    return this.listInspections.execute(principal.tenantId);
  }

  @Put(':id')
  @Roles('security', 'admin')
  @ApiOperation({
    summary: 'Schedule an inspection: a checklist due every `every` from `firstDueAt`',
    description:
      'Creates or replaces it. Results not recorded by a due date open an incident `inspection_overdue`. The built-in `access-review` (weekly: who holds which API keys and roles) needs only `firstDueAt`.',
  })
  @ApiBody({ schema: zodApiSchema(putInspectionRequest, 'input', 'InspectionRequest') })
  @ApiResponse({ status: 200, schema: INSPECTION, description: 'The inspection' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `every` or `params.id`' })
  async put(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<InspectionResponse> {
    parseParametersOr400('params', inspectionIdParams, { id });
    const definition = inspectionDefinition(id, parseOr400(putInspectionRequest, body));
    return this.putInspection.execute(principal.tenantId, id, definition, actorOf(principal));
  }

  @Post(':id/results')
  @HttpCode(200)
  @Roles('security', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Record the findings of an inspection for its current due date; the next due date advances along the schedule' })
  @ApiBody({ schema: zodApiSchema(recordResultsRequest, 'input', 'InspectionResultsRequest') })
  @ApiResponse({ status: 200, schema: INSPECTION, description: 'The inspection, next due later' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad finding, e.g. `findings.1.item` (one finding per checklist item)' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such inspection' })
  async results(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<InspectionResponse> {
    const { findings } = parseOr400(recordResultsRequest, body);
    const recorded = await this.recordResults.execute(principal.tenantId, id, findings, actorOf(principal));
    if (!recorded) throw new ProblemException({ status: 404, title: 'Not found', detail: `Your tenant has no inspection '${id}'` });
    return recorded;
  }
}
