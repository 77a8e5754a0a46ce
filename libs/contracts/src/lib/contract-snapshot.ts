import type { z } from 'zod';
import { catalogue, eventTypes } from './catalogue';
import type { ContractSnapshot, JsonSchema } from './compatibility';
import { cloudEventSchema, incomingEventSchema } from './envelope';
import { toJsonSchema } from './json-schema';

/**
 * The contracts as published: JSON Schemas generated from the zod definitions, in a stable form
 * (input side, so defaulted fields are optional; no `$schema`; keys sorted), for the committed
 * baseline `libs/contracts/published/v1.json` and the compatibility check against it.
 */
export function snapshotContracts(): ContractSnapshot {
  const events: ContractSnapshot['events'] = {};
  for (const type of [...eventTypes].sort()) {
    const definition = catalogue[type];
    events[type] = {
      version: definition.version,
      publishedBy: definition.publishedBy,
      description: definition.description,
      data: toContractJsonSchema(definition.data),
    };
  }
  return {
    envelopes: {
      cloudEvent: toContractJsonSchema(cloudEventSchema),
      incomingEvent: toContractJsonSchema(incomingEventSchema),
    },
    events,
  };
}

/** The JSON text of a snapshot, as written to the baseline file. */
export function serializeContracts(snapshot: ContractSnapshot): string {
  return `${JSON.stringify(sortKeys(snapshot), null, 2)}\n`;
}

/** A zod schema as JSON Schema (draft 2020-12, input side), in the stable form described above. */
export function toContractJsonSchema(schema: z.ZodType): JsonSchema {
  return sortKeys(toJsonSchema(schema, { target: 'draft-2020-12', io: 'input' })) as JsonSchema;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
