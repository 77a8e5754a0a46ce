/**
 * What a value becomes once sent as JSON: dates as ISO strings, objects and arrays member by member.
 * A route's response schema (a zod schema) is checked against `JsonOf<what the handler returns>`,
 * so the documented shape cannot drift from the real one without a compile error.
 */
export type JsonOf<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? JsonOf<Item>[]
    : T extends object
      ? { [K in keyof T]: JsonOf<T[K]> }
      : T;
