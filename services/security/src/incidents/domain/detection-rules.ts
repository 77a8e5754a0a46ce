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
}

/** The thresholds, as versioned data (tenant tightening is a later slice). */
export const DETECTION_THRESHOLDS = {
  version: '1',
  piiSpokenByAgent: { severity: 'P2', windowMinutes: 24 * 60 },
  bruteForce: { attempts: 20, windowMinutes: 15, severity: 'P3', severeAttempts: 200, severeSeverity: 'P2' },
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
 * (b) The attempts of one source's `access.denied` events within the window (this one included)
 * reached the threshold. One incident per source and window.
 */
export function bruteForce(source: string, attemptsInWindow: number): Detection | undefined {
  const { attempts, windowMinutes, severity, severeAttempts, severeSeverity } = DETECTION_THRESHOLDS.bruteForce;
  if (attemptsInWindow < attempts) return undefined;
  return {
    type: 'brute_force',
    severity: attemptsInWindow >= severeAttempts ? severeSeverity : severity,
    dedupKey: `brute_force:${source}`,
    windowMinutes,
    summary: `${attemptsInWindow} refused authentication attempts from ${source} within ${windowMinutes} min`,
    detail: { source, attempts: attemptsInWindow, windowMinutes },
  };
}
