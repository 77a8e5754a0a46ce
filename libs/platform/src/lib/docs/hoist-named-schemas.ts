import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { COMPONENT_NAME_EXTENSION } from './api-schema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Moves every schema marked with a component name (`namedApiSchema`, `zodApiSchema(…, name)`) to
 * `components.schemas`, innermost first, and puts a `$ref` in its place: each schema is written
 * once, however many routes use it. Two different schemas under one name are a programming error.
 */
export function hoistNamedSchemas(document: OpenAPIObject): void {
  const schemas: Record<string, SchemaObject> = { ...(document.components?.schemas as Record<string, SchemaObject> | undefined) };
  const hoisted = new Map<string, string>();
  const visit = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).map(([key, child]) => [key, visit(child)] as const);
    const node = Object.fromEntries(entries) as { [key: string]: Json };
    const name = node[COMPONENT_NAME_EXTENSION];
    if (typeof name !== 'string') return node;
    delete node[COMPONENT_NAME_EXTENSION];
    const text = JSON.stringify(node);
    const earlier = hoisted.get(name);
    if (earlier !== undefined && earlier !== text) throw new Error(`Two different OpenAPI schemas are both named '${name}'`);
    hoisted.set(name, text);
    schemas[name] = node as SchemaObject;
    return { $ref: `#/components/schemas/${name}` };
  };
  document.paths = visit(document.paths as unknown as Json) as unknown as OpenAPIObject['paths'];
  document.components = { ...document.components, schemas };
}
