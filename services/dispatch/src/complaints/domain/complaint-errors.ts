/** Why a complaint refuses an update; each is a 409 with its own problem type. */
export type ComplaintConflictCode = 'archived' | 'already-acknowledged' | 'cannot-resolve' | 'not-resolved' | 'feedback-given' | 'not-closed';

/** An update the complaint's state does not allow now; nothing was changed. */
export class ComplaintConflict extends Error {
  constructor(
    readonly code: ComplaintConflictCode,
    message: string,
    /** The stage of the complaint's case, when that is why. */
    readonly stage?: string,
  ) {
    super(message);
    this.name = 'ComplaintConflict';
  }
}
