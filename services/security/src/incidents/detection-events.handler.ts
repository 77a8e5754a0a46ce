import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { DetectIncidents } from './use-cases/detect-incidents';

/** Consumes `security.detection`: each transcript and each `access.denied` goes through the detection rules once (the inbox drops redeliveries). */
@Controller()
export class DetectionEventsHandler {
  constructor(private readonly detect: DetectIncidents) {}

  @OnEvent('transcript.recorded', { queue: 'detection' })
  async onTranscript(event: KnownCloudEvent<'transcript.recorded'>, tx: EventTransaction): Promise<void> {
    await this.detect.onTranscript(tx.manager, event);
  }

  @OnEvent('access.denied', { queue: 'detection' })
  async onAccessDenied(event: KnownCloudEvent<'access.denied'>, tx: EventTransaction): Promise<void> {
    await this.detect.onAccessDenied(tx.manager, event);
  }
}
