/** A form parameter's text: the first of a repeated parameter, trimmed; blank is absent. */
export function formText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

/** Form parameters as the kit's field reader reads them: each by its first value, trimmed. */
export function formRecord(params: Readonly<Record<string, unknown>>): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(params).map((name) => [name, formText(params[name])]));
}
