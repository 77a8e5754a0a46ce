import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@hotline/platform';
import { ContactTalliesService } from './contact-tallies.service';

@ApiTags('kpis')
@ApiBearerAuth()
@Controller('v1/kpis')
export class KpisController {
  constructor(private readonly tallies: ContactTalliesService) {}

  @Get('contact-tallies')
  @Roles('supervisor', 'ops', 'admin')
  @ApiQuery({ name: 'day', example: '2026-11-25', description: 'UTC day, YYYY-MM-DD' })
  contactTallies(@CurrentPrincipal() principal: Principal, @Query('day') day?: string) {
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new BadRequestException('day must be YYYY-MM-DD');
    return this.tallies.list(principal.tenantId, day);
  }
}
