import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type IncidentDetail, toIncidentDetail } from '../incident-response';
import { IncidentStepsRepository } from '../incident-steps.repository';
import { IncidentsRepository } from '../incidents.repository';

/** An incident of the tenant with its plan's steps (deadlines and progress) and its timeline; undefined if the tenant has none by that id. */
@Injectable()
export class FindIncident {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsRepository,
    private readonly steps: IncidentStepsRepository,
  ) {}

  async execute(tenantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<IncidentDetail | undefined> {
    const incident = await this.incidents.find(manager, tenantId, id);
    if (!incident) return undefined;
    return toIncidentDetail(incident, await this.incidents.timeline(manager, tenantId, id), await this.steps.list(manager, tenantId, id));
  }
}
