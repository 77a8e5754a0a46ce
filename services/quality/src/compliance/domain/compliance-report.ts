/**
 * A compliance report (MANUAL ch. 1.3 and 8): for each deadline standard and each version of it in
 * force during the period, its target against what was achieved.
 */

/** The deadline standards a report covers, in the order it lists them. */
export const REPORTED_STANDARDS = [
  'answer-time',
  'network-fault-response',
  'equipment-fault-response',
  'fault-repair-town',
  'fault-repair-rural',
  'record-completion',
  'follow-up-call',
  'complaint-acknowledgement',
  'complaint-reply',
] as const;

/** One standard's target in one version. */
export interface Target {
  seconds: number;
  title: string;
  clause: string;
}

/** A standards version in force for part of the period, and the targets it sets. */
export interface VersionInForce {
  version: string;
  /** The part of the period it was in force (inclusive from, exclusive to). */
  from: Date;
  to: Date;
  targets: ReadonlyMap<string, Target>;
}

/** Subjects counted for one standard and version (facts judged under that version). */
export interface Tally {
  standardId: string;
  standardVersion: string;
  clause: string | null;
  subjects: number;
  met: number;
  breached: number;
  /** Of the breached: those a declared outage caused. */
  outageCaused: number;
}

export interface ComplianceRow {
  standardId: string;
  title: string | null;
  clause: string | null;
  standardVersion: string;
  /** When that version was in force within the period; null for a version judged before the period began. */
  inForce: { from: string; to: string } | null;
  targetSeconds: number | null;
  subjects: number;
  met: number;
  breached: number;
  outageCaused: number;
  /** met / subjects; null without subjects. */
  achieved: number | null;
  /** met / (subjects − outage-caused breaches): what the centre answers for. */
  achievedExcludingOutages: number | null;
  /** The evidence route listing the subjects and event ids behind the figures. */
  trace: string;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** Where the subjects and events behind a row are listed. */
export function traceLink(standardId: string, version: string, period: string, region: string | null): string {
  const query = new URLSearchParams({ standardId, version, period, ...(region !== null && { region }) });
  return `/v1/reports/compliance/evidence?${query.toString()}`;
}

/**
 * One row per reported standard and version in force (zeros when nothing was judged), and one per
 * other standard or version the tallies name (a case judged under a version in force before the
 * period, a floor's ceiling). Tallies of a standard and version are summed.
 */
export function complianceRows(input: { period: string; region: string | null; versions: readonly VersionInForce[]; tallies: readonly Tally[] }): ComplianceRow[] {
  const { period, region, versions, tallies } = input;
  const key = (standardId: string, version: string) => JSON.stringify([standardId, version]);
  const summed = new Map<string, Tally>();
  for (const tally of tallies) {
    const k = key(tally.standardId, tally.standardVersion);
    const held = summed.get(k);
    summed.set(
      k,
      held
        ? { ...held, subjects: held.subjects + tally.subjects, met: held.met + tally.met, breached: held.breached + tally.breached, outageCaused: held.outageCaused + tally.outageCaused }
        : { ...tally },
    );
  }
  const versionOf = new Map(versions.map((v) => [v.version, v]));
  const row = (standardId: string, version: string, tally: Tally | undefined): ComplianceRow => {
    const inForce = versionOf.get(version);
    const target = inForce?.targets.get(standardId);
    const subjects = tally?.subjects ?? 0;
    const met = tally?.met ?? 0;
    const outageCaused = tally?.outageCaused ?? 0;
    return {
      standardId,
      title: target?.title ?? null,
      clause: target?.clause ?? tally?.clause ?? null,
      standardVersion: version,
      inForce: inForce ? { from: inForce.from.toISOString(), to: inForce.to.toISOString() } : null,
      targetSeconds: target?.seconds ?? null,
      subjects,
      met,
      breached: tally?.breached ?? 0,
      outageCaused,
      achieved: ratio(met, subjects),
      achievedExcludingOutages: ratio(met, subjects - outageCaused),
      trace: traceLink(standardId, version, period, region),
    };
  };
  const rows: ComplianceRow[] = [];
  const listed = new Set<string>();
  for (const standardId of REPORTED_STANDARDS) {
    for (const { version } of versions) {
      const k = key(standardId, version);
      if (listed.has(k)) continue;
      listed.add(k);
      rows.push(row(standardId, version, summed.get(k)));
    }
  }
  const others = [...summed.values()]
    .filter((tally) => !listed.has(key(tally.standardId, tally.standardVersion)))
    .sort((a, b) => a.standardId.localeCompare(b.standardId) || a.standardVersion.localeCompare(b.standardVersion));
  for (const tally of others) rows.push(row(tally.standardId, tally.standardVersion, tally));
  const order = (id: string) => {
    const index = (REPORTED_STANDARDS as readonly string[]).indexOf(id);
    return index === -1 ? REPORTED_STANDARDS.length : index;
  };
  return rows.sort((a, b) => order(a.standardId) - order(b.standardId) || a.standardId.localeCompare(b.standardId));
}

export const CSV_HEADER = [
  'period',
  'region',
  'standardId',
  'title',
  'clause',
  'standardVersion',
  'inForceFrom',
  'inForceTo',
  'targetSeconds',
  'subjects',
  'met',
  'breached',
  'outageCaused',
  'achieved',
  'achievedExcludingOutages',
  'trace',
] as const;

export function csvRow(period: string, region: string | null, row: ComplianceRow): (string | number | null)[] {
  return [
    period,
    region,
    row.standardId,
    row.title,
    row.clause,
    row.standardVersion,
    row.inForce?.from ?? null,
    row.inForce?.to ?? null,
    row.targetSeconds,
    row.subjects,
    row.met,
    row.breached,
    row.outageCaused,
    row.achieved,
    row.achievedExcludingOutages,
    row.trace,
  ];
}
