import { Injectable } from '@nestjs/common';
import { ContactTallyRepository } from '../contact-tally.repository';
import type { ContactTallyResponse } from '../contact-tally-response';

/** A tenant's tallies for a UTC day, one per queue, as the API answers them. */
@Injectable()
export class ListContactTallies {
  constructor(private readonly tallies: ContactTallyRepository) {}

  async execute(tenantId: string, day: string): Promise<ContactTallyResponse[]> {
    return (await this.tallies.forDay(tenantId, day)).map((tally) => ({ ...tally }));
  }
}
