import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RegionSetting } from './domain/region';

/** What follows a region named rural or a town's, in the caller's transaction (case clocks re-plan their repair clocks). */
export type RegionSwitchListener = (manager: EntityManager, setting: RegionSetting) => Promise<void>;

/**
 * Where capabilities built on regions hear that one switched between rural and town: they register
 * at init, since they depend on regions (case clocks read RuralRegions), not the other way.
 */
@Injectable()
export class RegionSwitches {
  private readonly listeners: RegionSwitchListener[] = [];

  register(listener: RegionSwitchListener): void {
    this.listeners.push(listener);
  }

  async switched(manager: EntityManager, setting: RegionSetting): Promise<void> {
    for (const listener of this.listeners) await listener(manager, setting);
  }
}
