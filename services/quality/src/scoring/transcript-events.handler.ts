import { Controller } from '@nestjs/common';
import type { KnownCloudEvent } from '@hotline/contracts';
import { type EventBatchTransaction, OnEventBatch } from '@hotline/messaging';
import { ScoreTranscripts } from './use-cases/score-transcripts';

/** Consumes `quality.scores` a batch at a time (DESIGN decision 14): every transcript is scored. */
@Controller()
export class TranscriptEventsHandler {
  constructor(private readonly scoreTranscripts: ScoreTranscripts) {}

  @OnEventBatch('transcript.recorded', { queue: 'scores' })
  async onTranscripts(events: readonly KnownCloudEvent<'transcript.recorded'>[], tx: EventBatchTransaction): Promise<void> {
    await this.scoreTranscripts.execute(tx, events);
  }
}
