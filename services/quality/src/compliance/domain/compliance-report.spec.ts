import { toCsv } from '@hotline/csv';
import { complianceRows, CSV_HEADER, csvRow, REPORTED_STANDARDS, type Target, type VersionInForce } from './compliance-report';

const targets = (seconds: Record<string, number>): Map<string, Target> =>
  new Map(REPORTED_STANDARDS.map((id) => [id, { seconds: seconds[id] ?? 3600, title: id, clause: '2.2' }]));
const v1: VersionInForce = { version: '1', from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-15T00:00:00Z'), targets: targets({ 'answer-time': 30 }) };
const v2: VersionInForce = { version: 'acme:2@1', from: new Date('2026-11-15T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), targets: targets({ 'answer-time': 20 }) };
const tally = (standardId: string, standardVersion: string, met: number, breached: number, outageCaused = 0) => ({
  standardId,
  standardVersion,
  clause: '2.2',
  subjects: met + breached,
  met,
  breached,
  outageCaused,
});

describe('compliance rows', () => {
  const rows = complianceRows({
    period: '2026-11',
    region: 'beijing',
    versions: [v1, v2],
    tallies: [tally('answer-time', '1', 8, 2), tally('answer-time', 'acme:2@1', 3, 1), tally('network-fault-response', '1', 3, 1, 1), tally('network-fault-response', '1', 1, 0), tally('mobile-fault-repair-max', '1', 0, 1)],
  });

  it('gives each reported standard one row per version in force, with that version\'s target, zeros where nothing was judged', () => {
    const answer = rows.filter((row) => row.standardId === 'answer-time');
    expect(answer.map((row) => [row.standardVersion, row.targetSeconds, row.subjects, row.met, row.breached, row.achieved])).toEqual([
      ['1', 30, 10, 8, 2, 0.8],
      ['acme:2@1', 20, 4, 3, 1, 0.75],
    ]);
    expect(answer[1].inForce).toEqual({ from: '2026-11-15T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    const repair = rows.find((row) => row.standardId === 'fault-repair-rural' && row.standardVersion === '1');
    expect(repair).toMatchObject({ subjects: 0, achieved: null, achievedExcludingOutages: null });
    expect(rows).toHaveLength(REPORTED_STANDARDS.length * 2 + 1);
  });

  it('sums tallies of one standard and version, and reports outage-caused breaches apart', () => {
    const response = rows.find((row) => row.standardId === 'network-fault-response' && row.standardVersion === '1');
    expect(response).toMatchObject({ subjects: 5, met: 4, breached: 1, outageCaused: 1, achieved: 0.8, achievedExcludingOutages: 1 });
  });

  it('keeps a standard or version outside the reported set as its own row, without a target it cannot know', () => {
    expect(rows[rows.length - 1]).toMatchObject({ standardId: 'mobile-fault-repair-max', standardVersion: '1', targetSeconds: null, subjects: 1, breached: 1 });
  });

  it('links each row to its evidence', () => {
    expect(rows[0].trace).toBe('/v1/reports/compliance/evidence?standardId=answer-time&version=1&period=2026-11&region=beijing');
  });

  it('writes CSV with a header row and RFC 4180 quoting', () => {
    const csv = toCsv(CSV_HEADER, [csvRow('2026-11', 'Beijing, "east"', rows[0])]);
    const [header, line, end] = csv.split('\r\n');
    expect(header).toBe(CSV_HEADER.join(','));
    expect(line.startsWith('2026-11,"Beijing, ""east""",answer-time,answer-time,2.2,1,2026-11-01T00:00:00.000Z,2026-11-15T00:00:00.000Z,30,10,8,2,0,0.8,0.8,')).toBe(true);
    expect(end).toBe('');
  });
});
