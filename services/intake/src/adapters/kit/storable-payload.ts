import { findUnstorableText } from '@hotline/contracts';
import { ValidationProblem } from '@hotline/platform';

/**
 * Refuses, with a 400 naming each path in what the platform sent, a delivery holding NUL or a lone
 * UTF-16 surrogate anywhere, mapped or not: intake keeps every delivery as sent (jsonb), which
 * PostgreSQL cannot do for such text. Checked before mapping, so nothing is half-stored.
 */
export function assertStorablePayload(payload: unknown): void {
  const errors = findUnstorableText(payload);
  if (errors.length > 0) {
    throw new ValidationProblem(errors, 'The delivery holds text that cannot be stored (NUL or a lone UTF-16 surrogate); see errors.');
  }
}
