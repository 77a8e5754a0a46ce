import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { register } from 'prom-client';
import { Public } from '../auth/public.decorator';

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  /** Prometheus text format of the default registry, where messaging registers its metrics too. */
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
