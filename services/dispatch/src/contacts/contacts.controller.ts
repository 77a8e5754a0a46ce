import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { type ContactSlaResponse, contactSlaSchema } from './contact-sla-response';
import { GetContactSla } from './use-cases/get-contact-sla';

@ApiTags('contacts')
@Controller('v1/contacts')
export class ContactsController {
  constructor(private readonly getSla: GetContactSla) {}

  @Get(':contactId/sla')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "A contact's answer clock (manual 2.1): waiting or stopped, breached or not, and the standard applied" })
  @ApiResponse({ status: 200, schema: zodApiSchema(contactSlaSchema, 'output', 'ContactSla'), description: 'The answer clock' })
  @ApiResponse({ status: 404, description: 'Your tenant has no contact by that id' })
  sla(@CurrentPrincipal() principal: Principal, @Param('contactId') contactId: string): Promise<ContactSlaResponse> {
    return this.getSla.execute(principal.tenantId, contactId);
  }
}
