import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KnownCloudEvent } from '@hotline/contracts';
import { DetectIncidents } from '../../incidents/use-cases/detect-incidents';
import { platformReport } from '../domain/platform-report';

/** A platform's `security.reported` opens an incident of its kind and severity, or joins the open one. */
@Injectable()
export class DetectPlatformReports {
  constructor(private readonly incidents: DetectIncidents) {}

  async execute(manager: EntityManager, event: KnownCloudEvent<'security.reported'>): Promise<void> {
    await this.incidents.record(manager, event, platformReport(event.source, event.data));
  }
}
