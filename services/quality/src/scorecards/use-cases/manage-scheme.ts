import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { type AuditActor, qualityAudit } from '../../audit-trail/quality-audit';
import type { ScorecardScheme } from '../domain/scheme';
import { type KeptScheme, SchemeRepository } from '../scheme.repository';

/** A tenant's points scheme: read the current one, or put a new version (audited). */
@Injectable()
export class ManageScheme {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schemes: SchemeRepository,
    private readonly outbox: Outbox,
  ) {}

  current(tenantId: string): Promise<KeptScheme> {
    return this.schemes.current(this.dataSource.manager, tenantId);
  }

  /** The next version, or the current one unchanged when `scheme` is what it says already (`created` false). */
  put(tenantId: string, scheme: ScorecardScheme, actor: AuditActor, at: Date): Promise<{ created: boolean; kept: KeptScheme }> {
    return this.dataSource.transaction(async (manager) => {
      await this.schemes.lock(manager, tenantId);
      const current = await this.schemes.current(manager, tenantId);
      if (current.createdBy !== null && isDeepStrictEqual(current.scheme, scheme)) return { created: false, kept: current };
      const version = current.version + 1;
      await this.schemes.insert(manager, tenantId, version, scheme, actor.id);
      await this.outbox.add(manager, [
        qualityAudit({
          tenantId,
          actor,
          action: 'scorecard_scheme.put',
          subject: { type: 'scorecard_scheme', id: tenantId },
          before: { version: current.version },
          after: { version },
          summary: `scorecard scheme version ${current.version} → ${version}`,
          at,
        }),
      ]);
      return { created: true, kept: { version, scheme, createdBy: actor.id, createdAt: at } };
    });
  }
}
