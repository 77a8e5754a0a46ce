import type { SchemaObject } from '@nestjs/swagger';
import type { z } from 'zod';
import { toJsonSchema } from '@hotline/contracts';

/** Marks a schema the document builder moves to `components.schemas` under this name (see `hoistNamedSchemas`). */
export const COMPONENT_NAME_EXTENSION = 'x-hotline-component';

/**
 * An OpenAPI 3.0 schema generated from a zod schema, the one definition the route validates with:
 * `input` for what a client sends (defaulted fields optional), `output` for what it gets back.
 * Named, it becomes a component the document refers to (`#/components/schemas/<name>`).
 */
export function zodApiSchema(schema: z.ZodType, io: 'input' | 'output', name?: string): SchemaObject {
  const json = toJsonSchema(schema, { target: 'openapi-3.0', io }) as SchemaObject;
  return name === undefined ? json : namedApiSchema(name, json);
}

/** A hand-composed schema (a oneOf of named ones, say) that becomes the component `name`. */
export function namedApiSchema(name: string, schema: SchemaObject): SchemaObject {
  return { ...schema, [COMPONENT_NAME_EXTENSION]: name } as SchemaObject;
}
