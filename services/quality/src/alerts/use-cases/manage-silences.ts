import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Outbox } from '@hotline/messaging';
import { qualityAudit } from '../../audit-trail/quality-audit';
import type { AlertActor } from '../domain/alert';
import type { LabelMatcher } from '../domain/silence';
import { type StoredSilence, SilencesRepository } from '../silences.repository';
import { AlertEngine } from './alert-engine';

export interface NewSilence {
  matchers: LabelMatcher[];
  startsAt?: string;
  endsAt: string;
  reason: string;
}

/** Silences: created with their creator (from the token) and reason, listed, expired early; each audited. */
@Injectable()
export class ManageSilences {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly silences: SilencesRepository,
    private readonly engine: AlertEngine,
    private readonly outbox: Outbox,
  ) {}

  create(tenantId: string, body: NewSilence, actor: AlertActor): Promise<StoredSilence> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.engine.now();
      const silence: StoredSilence = {
        silenceId: randomUUID(),
        tenantId,
        matchers: body.matchers,
        startsAt: body.startsAt ? Date.parse(body.startsAt) : now,
        endsAt: Date.parse(body.endsAt),
        expiredAt: null,
        reason: body.reason,
        createdBy: actor.id,
        createdAt: now,
        expiredBy: null,
      };
      await this.silences.insert(manager, silence);
      await this.engine.silencesChanged(manager, tenantId);
      const matchers = body.matchers.map((m) => `${m.label}${m.op}${m.value}`).join(', ');
      await this.outbox.add(manager, [
        qualityAudit({ tenantId, actor, action: 'silence.create', subject: { type: 'silence', id: silence.silenceId }, after: { matchers, endsAt: body.endsAt }, summary: `silence on ${matchers}`.slice(0, 500) }),
      ]);
      return silence;
    });
  }

  list(tenantId: string, query: { active?: 'true' | 'false'; limit: number; cursor?: string }): Promise<{ items: StoredSilence[]; nextCursor: string | null }> {
    return this.silences.list(this.dataSource.manager, tenantId, { limit: query.limit, cursor: query.cursor, ...(query.active === 'true' ? { activeAt: this.engine.now() } : {}) });
  }

  /** Expires it now (idempotent: an ended silence stays as it ended). */
  expire(tenantId: string, silenceId: string, actor: AlertActor): Promise<StoredSilence | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const silence = await this.silences.find(manager, tenantId, silenceId, true);
      if (!silence) return undefined;
      const now = this.engine.now();
      if (silence.expiredAt === null && silence.endsAt > now) {
        await this.silences.expire(manager, tenantId, silenceId, now, actor.id);
        await this.engine.silencesChanged(manager, tenantId);
        await this.outbox.add(manager, [qualityAudit({ tenantId, actor, action: 'silence.expire', subject: { type: 'silence', id: silenceId }, summary: 'silence expired early' })]);
      }
      return this.silences.find(manager, tenantId, silenceId);
    });
  }
}
