import { Module } from '@nestjs/common';
import { CaseEventsHandler } from './case-events.handler';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController, CaseEventsHandler],
  providers: [CasesService],
})
export class CasesModule {}
