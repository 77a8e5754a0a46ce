import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@hotline/messaging';
import { databaseOptions, PlatformModule } from '@hotline/platform';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { CreateIntakeSchema1764028800000 } from './database/migrations/1764028800000-create-intake-schema';
import { EventsModule } from './events/events.module';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'intake' }),
    TypeOrmModule.forRootAsync(
      databaseOptions({
        schema: 'intake',
        entities: [ApiKeyEntity],
        migrations: [CreateIntakeSchema1764028800000],
      }),
    ),
    MessagingModule.forRoot({ service: 'intake', schema: 'intake' }),
    ApiKeysModule,
    EventsModule,
  ],
})
export class AppModule {}
