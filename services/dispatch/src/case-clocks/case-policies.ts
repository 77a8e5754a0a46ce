import { Injectable } from '@nestjs/common';
import type { ResolvedStandards } from '@hotline/standards';
import { TenantStandards } from '@hotline/tenant-standards';
import { type CaseForPolicies, policiesForCase, type SlaPolicy, type SlaPolicyCatalogue, slaPolicyCatalogue, type SlaPolicyId } from '../sla/domain';

/**
 * A case's SLA policies from its tenant's standards in force at an instant (the case's opening,
 * DESIGN decision 11). Only the instant and the policy id are stored: the policy is rebuilt from
 * them whenever the clock is replayed.
 */
@Injectable()
export class CasePolicies {
  /** One catalogue per resolved standards set (the tenant standards cache keeps those few). */
  private readonly catalogues = new WeakMap<ResolvedStandards, SlaPolicyCatalogue>();

  constructor(private readonly standards: TenantStandards) {}

  /** The clocks a case runs, with the standards version that times them; `ruralRegions` are the tenant's rural regions among the case's. */
  async forCase(tenantId: string, kase: CaseForPolicies, at: Date, ruralRegions: ReadonlySet<string>): Promise<{ version: string; policies: SlaPolicy[] }> {
    const { standards, catalogue } = await this.catalogueAt(tenantId, at);
    return { version: standards.version, policies: policiesForCase(catalogue, kase, ruralRegions) };
  }

  async policy(tenantId: string, at: Date, policyId: string): Promise<SlaPolicy> {
    const { catalogue } = await this.catalogueAt(tenantId, at);
    const policy = catalogue[policyId as SlaPolicyId];
    if (!policy) throw new Error(`no SLA policy '${policyId}'`);
    return policy;
  }

  private async catalogueAt(tenantId: string, at: Date): Promise<{ standards: ResolvedStandards; catalogue: SlaPolicyCatalogue }> {
    const standards = await this.standards.resolve(tenantId, at);
    let catalogue = this.catalogues.get(standards);
    if (!catalogue) {
      catalogue = slaPolicyCatalogue(standards);
      this.catalogues.set(standards, catalogue);
    }
    return { standards, catalogue };
  }
}
