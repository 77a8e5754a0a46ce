import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type AsyncApiDocument, asyncApiDocument } from '@hotline/contracts';
import { Public } from '@hotline/platform';

/**
 * The event catalogue as an AsyncAPI 3.0.0 document, beside the OpenAPI one (/docs, /docs-json):
 * what integrators send to POST /v1/events and what Hotline publishes on the bus. Open, like /docs;
 * left out of the OpenAPI document, like /docs-json.
 */
@ApiExcludeController()
@Public()
@Controller('docs')
export class EventDocsController {
  private readonly document = asyncApiDocument();

  @Get('events')
  events(): AsyncApiDocument {
    return this.document;
  }
}
