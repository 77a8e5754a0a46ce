/** An escalation move the case cannot take now (settled, at the top of its chain, nothing to acknowledge): a 409 naming why. */
export class EscalationRefused extends Error {
  constructor(
    readonly caseId: string,
    readonly why: string,
  ) {
    super(`Case ${caseId}: ${why}; nothing was changed.`);
    this.name = 'EscalationRefused';
  }
}
