import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { AmazonConnectModule } from './adapters/amazon-connect/amazon-connect.module';
import { GenesysModule } from './adapters/genesys/genesys.module';
import { GenesysSurveysModule } from './adapters/genesys-surveys/genesys-surveys.module';
import { HelpScoutModule } from './adapters/helpscout/helpscout.module';
import { TwilioModule } from './adapters/twilio/twilio.module';
import { ZendeskModule } from './adapters/zendesk/zendesk.module';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AccessGuardModule } from './access-guard/access-guard.module';
import { INTAKE_MIGRATIONS } from './database/migrations';
import { EventDocsModule } from './event-docs/event-docs.module';
import { EventsModule } from './events/events.module';
import { StandardsModule } from './standards/standards.module';

@Module({
  imports: [
    // The guard checks platforms' API keys with intake's key store and reports failures to access-guard.
    PlatformModule.forRoot({ service: 'intake', auth: { imports: [ApiKeysModule, AccessGuardModule] } }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'intake',
        entities: [ApiKeyEntity],
        migrations: INTAKE_MIGRATIONS,
      }),
    ),
    MessagingModule.forRoot({ service: 'intake', schema: 'intake' }),
    ApiKeysModule,
    EventsModule,
    AmazonConnectModule,
    TwilioModule,
    ZendeskModule,
    HelpScoutModule,
    GenesysModule,
    GenesysSurveysModule,
    StandardsModule,
    EventDocsModule,
  ],
})
export class AppModule {}
