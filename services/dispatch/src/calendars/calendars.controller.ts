import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import {
  calendarNotFound,
  calendarPageSchema,
  calendarParameter,
  calendarRequest,
  type CalendarResponse,
  calendarSchema,
  ID_PAGE_QUERIES,
  idPage,
  idPageQuery,
  toCalendarDefinition,
  toCalendarResponse,
  unprocessable,
} from './calendar-api';
import { InvalidSetting } from './domain/invalid-setting';
import { AdministerCalendars } from './use-cases/administer-calendars';

const CALENDAR = zodApiSchema(calendarSchema, 'output', 'BusinessCalendar');

/** A tenant's business calendars: working hours, holidays and make-up working days (supervisor or admin). */
@ApiTags('calendars')
@Controller('v1/calendars')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'Neither supervisor nor admin' })
export class CalendarsController {
  constructor(private readonly calendars: AdministerCalendars) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Your tenant's business calendars, by id (keyset pages)" })
  @ApiQuery(ID_PAGE_QUERIES[0])
  @ApiQuery(ID_PAGE_QUERIES[1])
  @ApiResponse({ status: 200, schema: zodApiSchema(calendarPageSchema, 'output', 'BusinessCalendarPage'), description: 'A page of calendars' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.cursor`' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<{ items: CalendarResponse[]; nextCursor: string | null }> {
    const { limit, cursor } = parseParametersOr400('query', idPageQuery, query);
    return idPage(await this.calendars.list(principal.tenantId, limit, cursor?.[0]), limit, (c) => c.calendarId, toCalendarResponse);
  }

  @Get(':calendarId')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'A business calendar of your tenant' })
  @ApiResponse({ status: 200, schema: CALENDAR, description: 'The calendar' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such calendar' })
  async get(@CurrentPrincipal() principal: Principal, @Param('calendarId') calendarId: string): Promise<CalendarResponse> {
    const { calendarId: id } = parseParametersOr400('params', calendarParameter, { calendarId });
    const calendar = await this.calendars.find(principal.tenantId, id);
    if (!calendar) throw calendarNotFound(id);
    return toCalendarResponse(calendar);
  }

  @Put(':calendarId')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Create or replace a business calendar',
    description:
      'Weekly working hours in an IANA time zone, holidays and make-up working days (`workdays`). A policy counts on it once `PUT /v1/sla-policies/:policyId` names it. Case clocks keep the calendar they were created with: a change times the clocks created from then on; running clocks keep theirs. Publishes `audit.recorded`.',
  })
  @ApiBody({ schema: zodApiSchema(calendarRequest, 'input', 'BusinessCalendarRequest') })
  @ApiResponse({ status: 200, schema: CALENDAR, description: 'The calendar as it is now' })
  @ApiResponse({ status: 400, description: 'problem+json naming a malformed field, e.g. `weeklyHours.monday`' })
  @ApiResponse({
    status: 422,
    description: 'problem+json naming every field that makes no calendar (no working hours, overlapping hours, an unknown time zone, a date that is not one), e.g. `holidays[0]`; nothing was changed',
  })
  async put(@CurrentPrincipal() principal: Principal, @Param('calendarId') calendarId: string, @Body() body: unknown): Promise<CalendarResponse> {
    const { calendarId: id } = parseParametersOr400('params', calendarParameter, { calendarId });
    const definition = toCalendarDefinition(parseOr400(calendarRequest, body));
    const calendar = await this.calendars.put(principal.tenantId, id, definition, actorOf(principal)).catch((error: unknown) => {
      throw error instanceof InvalidSetting ? unprocessable(error.title, error.issues) : error;
    });
    return toCalendarResponse(calendar);
  }
}
