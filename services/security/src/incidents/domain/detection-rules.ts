import type { AppliedStandard, CountStandard, StandardReference } from '@hotline/standards';
import type { IncidentType, Severity } from './incident-state';

/** What a rule found: the incident it calls for, and the key that makes repeats one incident. */
export interface Detection {
  type: IncidentType;
  severity: Severity;
  dedupKey: string;
  /** Detections of the same key this close to the incident's last one join it. */
  windowMinutes: number;
  summary: string;
  /** What the timeline records of it (kinds, counts, paths; never the data itself). */
  detail: Record<string, unknown>;
  /** The threshold standard the rule applied (recorded on the timeline), where it applied one. */
  standard?: StandardReference;
}

/** The rules' own settings; their thresholds are standards (`brute-force-attempts`, …), tenant-tightenable. */
export const DETECTION_THRESHOLDS = {
  version: '1',
  piiSpokenByAgent: { severity: 'P2', windowMinutes: 24 * 60 },
  /** A flood of this many times the standard's count is more severe. */
  bruteForce: { severity: 'P3', severeFactor: 10, severeSeverity: 'P2' },
} as const;

interface TranscriptData {
  contactId: string;
  agentId?: string;
  segments: readonly { role: string }[];
  redactions?: readonly { path: string; kind: string; count: number }[];
}

/**
 * (a) Intake masked personal data in an agent's segment (`segments.<i>.…` with role agent): the
 * agent spoke or typed it. One incident per agent and contact.
 */
export function piiSpokenByAgent(data: TranscriptData): Detection | undefined {
  const found = (data.redactions ?? []).filter(({ path }) => {
    const match = /^segments\.(\d+)(\.|$)/.exec(path);
    return match !== null && data.segments[Number(match[1])]?.role === 'agent';
  });
  if (found.length === 0) return undefined;
  const kinds = [...new Set(found.map(({ kind }) => kind))].sort();
  const agent = data.agentId ?? 'unknown-agent';
  const { severity, windowMinutes } = DETECTION_THRESHOLDS.piiSpokenByAgent;
  return {
    type: 'pii_spoken_by_agent',
    severity,
    dedupKey: `pii_spoken_by_agent:${agent}:${data.contactId}`,
    windowMinutes,
    summary: `Agent ${agent} disclosed personal data (${kinds.join(', ')}) on contact ${data.contactId}`,
    detail: { agentId: agent, contactId: data.contactId, kinds, paths: found.map(({ path }) => path), count: found.reduce((sum, { count }) => sum + count, 0) },
  };
}

/** Where repeated denials come from: the key tried when known, else the address. */
export function denialSource(data: { keyPrefix?: string; remoteAddress?: string }): string {
  return data.keyPrefix ? `key:${data.keyPrefix}` : `address:${data.remoteAddress ?? 'unknown'}`;
}

/**
 * (b) The attempts of one source's `access.denied` events within the standard's window (this one
 * included) reached its count (`brute-force-attempts`). One incident per source and window.
 */
export function bruteForce(source: string, attemptsInWindow: number, standard: AppliedStandard<CountStandard>): Detection | undefined {
  const { severity, severeFactor, severeSeverity } = DETECTION_THRESHOLDS.bruteForce;
  if (attemptsInWindow < standard.count) return undefined;
  const windowMinutes = standard.windowSeconds / 60;
  return {
    type: 'brute_force',
    severity: attemptsInWindow >= severeFactor * standard.count ? severeSeverity : severity,
    dedupKey: `brute_force:${source}`,
    windowMinutes,
    summary: `${attemptsInWindow} refused authentication attempts from ${source} within ${windowMinutes} min`,
    detail: { source, attempts: attemptsInWindow, windowMinutes },
    standard: { standardId: standard.standardId, standardVersion: standard.standardVersion },
  };
}
