import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { identifier, label, standardId, standardVersion, text, timestamp } from '../fields';

export const alertSeverity = z.enum(['info', 'warning', 'critical']);

export const alertRaised = defineEvent({
  type: 'alert.raised',
  version: '1',
  description: 'Quality raised a live alert for supervisors (MANUAL.md 5.2).',
  publishedBy: 'quality',
  data: z.looseObject({
    alertId: identifier(),
    kind: label(),
    severity: alertSeverity,
    summary: text().min(1),
    labels: z.record(z.string(), z.string()),
    standardId: standardId().optional(),
    standardVersion: standardVersion().optional(),
  }),
});

export const alertResolved = defineEvent({
  type: 'alert.resolved',
  version: '1',
  description: 'An alert no longer holds.',
  publishedBy: 'quality',
  data: z.looseObject({
    alertId: identifier(),
    resolvedAt: timestamp(),
  }),
});
