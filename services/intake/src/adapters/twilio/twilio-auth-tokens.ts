import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { PlatformConfig } from '@hotline/platform';
import { PlatformCredentialStore } from '../kit/platform-credential-store';

/** Each tenant's Twilio auth token (verifies X-Twilio-Signature). */
@Injectable()
export class TwilioAuthTokens extends PlatformCredentialStore {
  constructor(@InjectDataSource() dataSource: DataSource, outbox: Outbox, platform: PlatformConfig, config: ConfigService) {
    super(dataSource, outbox, platform, config, 'twilio', 'Twilio auth token');
  }
}
