import { z } from 'zod';
import type { JsonSchemaObject } from './compatibility';

/** The JSON Schema dialects the contracts are published in. */
export type JsonSchemaTarget = 'draft-2020-12' | 'draft-7' | 'openapi-3.0';

export interface JsonSchemaOptions {
  /** The contract snapshot uses draft 2020-12, AsyncAPI's default schema format draft 7, OpenAPI 3.0 its own subset. */
  target: JsonSchemaTarget;
  /** `input`: what a sender may send (defaulted fields optional); `output`: what a reader receives. */
  io: 'input' | 'output';
}

/**
 * A zod schema as JSON Schema, the one way the contracts (and the services' API documents) turn
 * their zod definitions into published schemas: inlined (no `$defs`), without `$schema`, and
 * without the regex zod also emits for a string format (see `dropFormatPattern`). Refinements JSON
 * Schema cannot express (`toQueue, toAgentId or toEndpoint`) are not in it.
 */
export function toJsonSchema(schema: z.ZodType, { target, io }: JsonSchemaOptions): JsonSchemaObject {
  const json = z.toJSONSchema(schema, {
    target,
    io,
    unrepresentable: 'any',
    reused: 'inline',
    cycles: 'throw',
    override: ({ zodSchema, jsonSchema }) => dropFormatPattern(zodSchema, jsonSchema as JsonSchemaObject),
  }) as JsonSchemaObject;
  delete json['$schema'];
  return json;
}

/**
 * A string format (`date-time`, `uuid`, …) says what it accepts; the regex zod also emits for it is
 * an implementation detail that may change with a zod release, so it is left out.
 */
function dropFormatPattern(zodSchema: unknown, jsonSchema: JsonSchemaObject): void {
  const def = (zodSchema as { _zod?: { def?: { format?: unknown; pattern?: unknown } } })._zod?.def;
  if (jsonSchema['format'] !== undefined && def?.pattern instanceof RegExp && jsonSchema['pattern'] === def.pattern.source) {
    delete jsonSchema['pattern'];
  }
}
