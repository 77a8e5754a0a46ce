import { TypeOrmApiKeyVerifier } from './api-key.verifier';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { generateApiKey, ProblemException } from '@hotline/platform';
import { type AdminActor, adminAuditEvent } from '../tenants/admin-audit';
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
    private readonly outbox: Outbox,
  ) {}

  private get keys() {
    return this.dataSource.getRepository(ApiKeyEntity);
  }

  /** The key and its `audit.recorded` (name, prefix and scopes; never the key) commit together. */
  async create(tenantId: string, request: CreateApiKeyRequest, actor: AdminActor): Promise<CreatedApiKey> {
    const { key, prefix, hash } = generateApiKey();
    const saved = await this.dataSource.transaction(async (manager) => {
      const keys = manager.getRepository(ApiKeyEntity);
      const row = await keys.save(keys.create({ tenantId, name: request.name, prefix, keyHash: hash, scopes: request.scopes }));
      const after = { name: row.name, prefix, scopes: row.scopes };
      await this.outbox.add(manager, [adminAuditEvent({ tenantId, actor, action: 'api_key.create', subject: { type: 'api_key', id: row.id }, after, summary: `API key ${prefix} created` })]);
      return row;
    });
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

  /**
   * Revokes the tenant's key, with its `audit.recorded`, in one transaction; revoking it again keeps
   * the first revocation time and, changing nothing, audits nothing.
   */
  async revoke(tenantId: string, id: string, actor: AdminActor): Promise<void> {
    // A malformed id names no key; checking it here keeps PostgreSQL's uuid cast error from becoming a 500.
    const found = UUID.test(id)
      ? await this.dataSource.transaction(async (manager) => {
          const [row]: { prefix: string; revoked_at: Date | null }[] = await manager.query(
            `SELECT prefix, revoked_at FROM intake.api_keys WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
            [id, tenantId],
          );
          if (!row || row.revoked_at) return row;
          const [{ revoked_at: revokedAt }]: { revoked_at: Date }[] = await manager.query(
            // Wrapped in a SELECT so TypeORM returns the rows (an UPDATE answers [rows, count]).
            `WITH revoked AS (UPDATE intake.api_keys SET revoked_at = now() WHERE id = $1 AND tenant_id = $2 RETURNING revoked_at) SELECT revoked_at FROM revoked`,
            [id, tenantId],
          );
          const change = { before: { revokedAt: null }, after: { revokedAt: revokedAt.toISOString() }, summary: `API key ${row.prefix} revoked` };
          await this.outbox.add(manager, [adminAuditEvent({ tenantId, actor, action: 'api_key.revoke', subject: { type: 'api_key', id }, ...change })]);
          return row;
        })
      : undefined;
    if (!found) {
      throw new ProblemException({ status: 404, detail: `Tenant ${tenantId} has no API key with id ${id}.` });
    }
    this.verifier.forget(id);
  }
}
