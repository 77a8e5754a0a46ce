/** Thrown by a handler for an event that can never succeed: it goes to the dead letters at once. */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
}
