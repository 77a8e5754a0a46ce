import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContactFacts } from '../kpis/domain/contact-facts';
import type { ContactKpis } from '../kpis/domain/contact-kpis';
import { AnswerCompliance } from './answer-compliance';
import type { Tally } from './domain/compliance-report';
import type { EvidenceItem, EvidencePage, EvidenceQuery } from './evidence';

const ANSWER_STANDARD = 'answer-time';
const ANSWER_CLAUSE = '2.1';

/** Offered contacts (the service level's denominator) of a tenant in a range of contact times, of one region if given. */
const OFFERED = `tenant_id = $1 AND counted IS NOT NULL AND (counted->'counters'->>'offered')::int = 1
  AND (counted->>'at')::bigint >= $2 AND (counted->>'at')::bigint < $3 AND ($4::text IS NULL OR facts->'queued'->>'region' = $4)`;

/**
 * The answer standard from the KPIs' contact facts (`quality.contact_kpi_facts`): each offered
 * contact's `answeredInTarget` was judged against the answer time in force at its time, under the
 * version it records. Read-only; the KPIs own the tables. Outage-caused: an offered contact whose
 * answer breach (standing) dispatch put down to a declared outage, as the KPIs count it.
 */
@Injectable()
export class KpiAnswerCompliance extends AnswerCompliance {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /**
   * For the whole tenant, from the KPIs' daily cells (periods are whole UTC days, so the days sum
   * exactly, without reading a contact); for one region, from the contacts' facts, which alone know it.
   */
  async tallies(tenantId: string, from: Date, to: Date, region: string | null): Promise<Tally[]> {
    const rows: { version: string; subjects: string; met: string; outage: string }[] =
      region === null
        ? await this.dataSource.query(
            `SELECT standard_version AS version, sum(offered) AS subjects, sum(answered_in_target) AS met, sum(outage_breached) AS outage
             FROM quality.kpi_cells WHERE tenant_id = $1 AND bucket = '1d' AND group_by = 'queue' AND bucket_start >= $2 AND bucket_start < $3
             GROUP BY standard_version HAVING sum(offered) > 0`,
            [tenantId, from, to],
          )
        : await this.dataSource.query(
            `SELECT counted->>'standardVersion' AS version, count(*) AS subjects,
                    count(*) FILTER (WHERE (counted->'counters'->>'answeredInTarget')::int = 1) AS met,
                    count(*) FILTER (WHERE (counted->'counters'->>'outageBreached')::int = 1) AS outage
             FROM quality.contact_kpi_facts WHERE ${OFFERED}
             GROUP BY 1`,
            [tenantId, from.getTime(), to.getTime(), region],
          );
    return rows.map((row) => ({
      standardId: ANSWER_STANDARD,
      standardVersion: row.version,
      clause: ANSWER_CLAUSE,
      subjects: Number(row.subjects),
      met: Number(row.met),
      breached: Number(row.subjects) - Number(row.met),
      outageCaused: Number(row.outage),
    }));
  }

  async evidence(tenantId: string, query: EvidenceQuery): Promise<EvidencePage> {
    const after = query.after?.[1] ?? null;
    const rows: { contact_id: string; facts: ContactFacts; counted: ContactKpis }[] = await this.dataSource.query(
      `SELECT contact_id, facts, counted FROM quality.contact_kpi_facts
       WHERE ${OFFERED} AND ($5::text IS NULL OR counted->>'standardVersion' = $5) AND ($6::text IS NULL OR contact_id > $6)
       ORDER BY contact_id LIMIT $7`,
      [tenantId, query.from.getTime(), query.to.getTime(), query.region ?? null, query.version ?? null, after, query.limit + 1],
    );
    const items = rows.slice(0, query.limit).map(({ contact_id, facts, counted }): EvidenceItem => {
      const met = counted.counters.answeredInTarget === 1;
      const stamps = [facts.queued, facts.answered, facts.abandoned, facts.ended, facts.breach];
      return {
        subjectType: 'contact',
        subjectId: contact_id,
        slaKind: 'answer',
        outcome: met ? 'met' : 'breached',
        causedByOutage: counted.counters.outageBreached === 1,
        standardId: ANSWER_STANDARD,
        standardVersion: counted.standardVersion,
        clause: ANSWER_CLAUSE,
        region: facts.queued?.region ?? null,
        startedAt: new Date(counted.at).toISOString(),
        eventIds: [...new Set(stamps.flatMap((stamp) => (stamp ? [stamp.eventId] : [])))].sort(),
      };
    });
    const last = rows.length > query.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? ['contact', last.subjectId, 'answer'] : undefined };
  }
}
