/** JSON values and JSON Pointer helpers shared by the API document lints. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Report = (pointer: string, message: string) => void;

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON Pointer reference token: `~` → `~0`, `/` → `~1`. */
export const escapePointer = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** What a local `$ref` (`#/…`) points at in the document, or undefined. */
export function resolvePointer(document: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = document;
  for (const token of ref.slice(2).split('/').map(unescapePointer)) {
    node = isObject(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** Reports every `$ref` below `node` that does not resolve inside the document. */
export function lintReferences(document: JsonObject, node: Json, pointer: string, report: Report): void {
  if (Array.isArray(node)) node.forEach((child, index) => lintReferences(document, child, `${pointer}/${index}`, report));
  if (!isObject(node)) return;
  const ref = node['$ref'];
  if (typeof ref === 'string' && resolvePointer(document, ref) === undefined) report(pointer, `$ref ${ref} does not resolve`);
  for (const [key, child] of Object.entries(node)) lintReferences(document, child, `${pointer}/${escapePointer(key)}`, report);
}
