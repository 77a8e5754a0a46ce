import { Module } from '@nestjs/common';
import { EventDocsController } from './event-docs.controller';

/** GET /docs/events: the AsyncAPI document of the event catalogue. */
@Module({ controllers: [EventDocsController] })
export class EventDocsModule {}
