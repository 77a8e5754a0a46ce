import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ApiKeyCheck, type ApiKeyVerifier, hashApiKey } from '@hotline/platform';
import { ApiKeyEntity } from './api-key.entity';

/** `last_used_at` is kept to the minute: one write per key per minute, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * How long a verdict is reused without asking the database: every request of a busy platform
 * would otherwise cost a query. A key revoked through the CLI or another replica stops working
 * within this time; one revoked through this process's admin API stops at once.
 */
export const API_KEY_CACHE_TTL_MS = 10_000;
const MAX_CACHED_KEYS = 10_000;

interface CachedVerdict {
  check: ApiKeyCheck;
  expiresAt: number;
  lastUsedWrittenAt: number;
}

/** Looks a presented key up by its hash (briefly cached) and records when it was last used. */
@Injectable()
export class TypeOrmApiKeyVerifier implements ApiKeyVerifier {
  private readonly cache = new Map<string, CachedVerdict>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(rawKey: string): Promise<ApiKeyCheck> {
    const hash = hashApiKey(rawKey);
    const now = Date.now();
    let verdict = this.cache.get(hash);
    if (!verdict || verdict.expiresAt <= now) {
      verdict = await this.lookUp(hash, now);
      if (this.cache.size >= MAX_CACHED_KEYS) this.cache.clear();
      this.cache.set(hash, verdict);
    }
    if (verdict.check.status === 'valid' && now - verdict.lastUsedWrittenAt > LAST_USED_RESOLUTION_MS) {
      verdict.lastUsedWrittenAt = now;
      // Fire and forget: a slow write must not delay ingestion, and a lost update only blurs the time.
      void this.dataSource
        .getRepository(ApiKeyEntity)
        .update({ id: verdict.check.principal.keyId }, { lastUsedAt: new Date(now) })
        .catch(() => undefined);
    }
    return verdict.check;
  }

  /** Drops cached verdicts for a key, e.g. right after it was revoked. */
  forget(keyId: string): void {
    for (const [hash, verdict] of this.cache) {
      if (verdict.check.status === 'valid' && verdict.check.principal.keyId === keyId) this.cache.delete(hash);
    }
  }

  private async lookUp(hash: string, now: number): Promise<CachedVerdict> {
    const key = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ keyHash: hash });
    const expiresAt = now + API_KEY_CACHE_TTL_MS;
    if (!key) return { check: { status: 'unknown' }, expiresAt, lastUsedWrittenAt: now };
    if (key.revokedAt) return { check: { status: 'revoked' }, expiresAt, lastUsedWrittenAt: now };
    return {
      check: { status: 'valid', principal: { keyId: key.id, tenantId: key.tenantId, scopes: key.scopes } },
      expiresAt,
      lastUsedWrittenAt: key.lastUsedAt?.getTime() ?? 0,
    };
  }
}
