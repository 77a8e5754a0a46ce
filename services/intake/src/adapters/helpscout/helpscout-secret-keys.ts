import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { PlatformConfig } from '@hotline/platform';
import { PlatformCredentialStore } from '../kit/platform-credential-store';

/** Each tenant's Help Scout webhook secret key (verifies X-HelpScout-Signature). */
@Injectable()
export class HelpScoutSecretKeys extends PlatformCredentialStore {
  constructor(@InjectDataSource() dataSource: DataSource, outbox: Outbox, platform: PlatformConfig, config: ConfigService) {
    super(dataSource, outbox, platform, config, 'helpscout', 'Help Scout secret key');
  }
}
