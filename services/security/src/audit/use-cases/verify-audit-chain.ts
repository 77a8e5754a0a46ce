import { Inject, Injectable } from '@nestjs/common';
import { AuditAnchorsRepository } from '../audit-anchors.repository';
import { AUDIT_ANCHOR_KEY } from '../audit-anchor-key.provider';
import { AuditEntriesRepository } from '../audit-entries.repository';
import { type ChainBreak, ChainVerification, type ChainVerdict } from '../domain/chain-verification';

/** Rows read per page: memory stays bounded however long the chain. */
export const VERIFY_PAGE_SIZE = 5000;

/** Walks a tenant's chain in seq order, page by page, checking each entry and each anchor. */
@Injectable()
export class VerifyAuditChain {
  constructor(
    private readonly entries: AuditEntriesRepository,
    private readonly anchors: AuditAnchorsRepository,
    @Inject(AUDIT_ANCHOR_KEY) private readonly anchorKey: Buffer,
  ) {}

  async execute(tenantId: string, pageSize = VERIFY_PAGE_SIZE): Promise<ChainVerdict> {
    const verification = new ChainVerification(this.anchorKey);
    let afterSeq = '0';
    for (;;) {
      const page = await this.entries.pageAfter(tenantId, afterSeq, pageSize);
      if (page.length === 0) break;
      const lastSeq = page[page.length - 1].seq;
      const broken: ChainBreak | undefined = verification.checkPage(page, await this.anchors.between(tenantId, afterSeq, lastSeq));
      if (broken) return verification.finish(broken);
      afterSeq = lastSeq;
      if (page.length < pageSize) break;
    }
    const beyondTheEnd = await this.anchors.firstAfter(tenantId, afterSeq);
    return verification.finish(undefined, beyondTheEnd ? [beyondTheEnd] : []);
  }
}
