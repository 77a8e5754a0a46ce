import { Module } from '@nestjs/common';
import { ScoresController } from './scores.controller';
import { ScoresRepository } from './scores.repository';
import { TranscriptEventsHandler } from './transcript-events.handler';
import { ReadScore } from './use-cases/read-score';
import { ScoreTranscripts } from './use-cases/score-transcripts';

/** Etiquette scoring of transcripts (issue 11 part 3): the scorer in `domain/`, its store, the consumer and the read route. */
@Module({
  controllers: [ScoresController, TranscriptEventsHandler],
  providers: [ScoresRepository, ScoreTranscripts, ReadScore],
})
export class ScoringModule {}
