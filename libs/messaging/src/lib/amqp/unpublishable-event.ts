/**
 * An event no retry can publish (it cannot be encoded for the broker). The outbox relay parks
 * such a row with this reason instead of letting it hold back the rows behind it.
 */
export class UnpublishableEvent extends Error {
  override readonly name = 'UnpublishableEvent';
}
