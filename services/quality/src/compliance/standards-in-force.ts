import { Injectable } from '@nestjs/common';
import { NoStandardsInForceError } from '@hotline/standards';
import { TenantStandards } from '@hotline/tenant-standards';
import { REPORTED_STANDARDS, type Target, type VersionInForce } from './domain/compliance-report';

/**
 * The standards versions in force for a tenant during [from, to), each with the part of the period it
 * covered and the targets it set: the one in force at `from`, then one per tenant version taking
 * effect within the period (MANUAL ch. 8: a report names the version behind each target).
 */
@Injectable()
export class StandardsInForce {
  constructor(private readonly standards: TenantStandards) {}

  async during(tenantId: string, from: Date, to: Date): Promise<VersionInForce[]> {
    const { versions } = await this.standards.held(tenantId, from);
    const changes = versions.map((v) => Date.parse(v.effectiveFrom)).filter((at) => at > from.getTime() && at < to.getTime());
    const points = [...new Set([from.getTime(), ...changes])].sort((a, b) => a - b);
    const inForce: VersionInForce[] = [];
    for (const [index, point] of points.entries()) {
      const end = new Date(points[index + 1] ?? to.getTime());
      const resolved = await this.resolve(tenantId, new Date(point));
      if (!resolved) continue;
      const previous = inForce[inForce.length - 1];
      if (previous?.version === resolved.version) {
        previous.to = end;
        continue;
      }
      const targets = new Map<string, Target>();
      for (const id of REPORTED_STANDARDS) {
        const standard = resolved.standard(id);
        targets.set(id, { seconds: standard.seconds, title: standard.title, clause: standard.chapter });
      }
      inForce.push({ version: resolved.version, from: new Date(point), to: end, targets });
    }
    return inForce;
  }

  /** The standards at `at`; none before the built-in set took effect. */
  private async resolve(tenantId: string, at: Date) {
    try {
      return await this.standards.resolve(tenantId, at);
    } catch (error) {
      if (error instanceof NoStandardsInForceError) return undefined;
      throw error;
    }
  }
}
