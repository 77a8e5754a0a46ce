import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ApiKeyCheck, type ApiKeyVerifier, hashApiKey } from '@hotline/platform';
import { ApiKeyEntity } from './api-key.entity';

/** `last_used_at` is kept to the minute: one write per key per minute, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Looks a presented key up by its hash and records when it was last used. */
@Injectable()
export class TypeOrmApiKeyVerifier implements ApiKeyVerifier {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(rawKey: string): Promise<ApiKeyCheck> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    const key = await repository.findOneBy({ keyHash: hashApiKey(rawKey) });
    if (!key) return { status: 'unknown' };
    if (key.revokedAt) return { status: 'revoked' };
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      // Fire and forget: a slow write must not delay ingestion, and a lost update only blurs the time.
      void repository.update({ id: key.id }, { lastUsedAt: new Date() }).catch(() => undefined);
    }
    return { status: 'valid', principal: { keyId: key.id, tenantId: key.tenantId, scopes: key.scopes } };
  }
}
