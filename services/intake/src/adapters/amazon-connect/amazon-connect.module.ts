import { Module } from '@nestjs/common';
import { IngestModule } from '../../ingest/ingest.module';
import { AmazonConnectController } from './amazon-connect.controller';
import { ConnectResourceNames } from './connect-resource-names';
import { CONTACT_SURVEY, contactSurveyFromEnv } from './contact-survey';

/** Maps Amazon Connect's own payloads onto catalogue events (POST /v1/adapters/amazon-connect/...). */
@Module({
  imports: [IngestModule],
  controllers: [AmazonConnectController],
  providers: [ConnectResourceNames, { provide: CONTACT_SURVEY, useFactory: () => contactSurveyFromEnv() }],
})
export class AmazonConnectModule {}
