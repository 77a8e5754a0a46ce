import { z } from 'zod';
import { ProblemException } from '@hotline/platform';
import type { RegionSetting } from './domain/region';

/** `:region` as cases name it (the contracts' region: 1..200 characters). */
export const regionParameter = z.strictObject({ region: z.string().trim().min(1).max(200) });

/** `PUT /v1/regions/:region`. */
export const regionRequest = z.strictObject({
  rural: z.boolean().describe('True: faults in this region are repaired within 72 h (rural); false: 48 h (town)'),
});

/** A region's setting as the API answers it. */
export const regionSchema = z.object({
  region: z.string().describe('As last named by `PUT` (matched regardless of case and surrounding spaces)'),
  rural: z.boolean(),
  updatedAt: z.iso.datetime(),
});

export type RegionResponse = z.output<typeof regionSchema>;

export const toRegionResponse = ({ region, rural, updatedAt }: RegionSetting): RegionResponse => ({ region, rural, updatedAt: updatedAt.toISOString() });

export const regionNotFound = (region: string) =>
  new ProblemException({ status: 404, detail: `Your tenant has not named region ${region}; its faults are held to the town repair time (48 h).` });
