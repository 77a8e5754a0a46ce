import { TypeOrmApiKeyVerifier } from './api-key.verifier';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { generateApiKey, ProblemException } from '@hotline/platform';
import { ApiKeyEntity } from './api-key.entity';
import type { CreateApiKeyRequest } from './domain/create-api-key-request';

/** A key as an admin sees it: never the key itself, never its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A key just created: the only time the key itself is ever returned. */
export interface CreatedApiKey {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  key: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creates, lists and revokes a tenant's API keys: the one owner of intake.api_keys (`npx hotline api-key` calls the admin API). */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verifier: TypeOrmApiKeyVerifier,
  ) {}

  private get keys() {
    return this.dataSource.getRepository(ApiKeyEntity);
  }

  async create(tenantId: string, request: CreateApiKeyRequest): Promise<CreatedApiKey> {
    const { key, prefix, hash } = generateApiKey();
    const saved = await this.keys.save(this.keys.create({ tenantId, name: request.name, prefix, keyHash: hash, scopes: request.scopes }));
    return { id: saved.id, tenantId, name: saved.name, prefix, scopes: saved.scopes, createdAt: saved.createdAt, key };
  }

  async list(tenantId: string): Promise<ApiKeyView[]> {
    const keys = await this.keys.find({ where: { tenantId }, order: { createdAt: 'ASC', prefix: 'ASC' } });
    return keys.map(({ id, name, prefix, scopes, createdAt, lastUsedAt, revokedAt }) => ({
      id,
      name,
      prefix,
      scopes,
      createdAt,
      lastUsedAt,
      revokedAt,
    }));
  }

  /** Revokes the tenant's key; revoking it again keeps the first revocation time. */
  async revoke(tenantId: string, id: string): Promise<void> {
    // A malformed id names no key; checking it here keeps PostgreSQL's uuid cast error from becoming a 500.
    const revoked = UUID.test(id)
      ? await this.keys
          .createQueryBuilder()
          .update()
          .set({ revokedAt: () => 'coalesce(revoked_at, now())' })
          .where('id = :id AND tenant_id = :tenantId', { id, tenantId })
          .execute()
      : undefined;
    if (!revoked?.affected) {
      throw new ProblemException({ status: 404, detail: `Tenant ${tenantId} has no API key with id ${id}.` });
    }
    this.verifier.forget(id);
  }
}
