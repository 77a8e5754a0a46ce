import { ProblemException } from '@hotline/platform';
import { EscalationRefused } from './domain/escalation-errors';

export const ESCALATION_REFUSED = 'urn:hotline:problem:escalation-refused';

/** A refused escalation move as a 409 problem saying why; anything else unchanged. */
export function escalationProblem(error: unknown): unknown {
  if (error instanceof EscalationRefused) return new ProblemException({ status: 409, type: ESCALATION_REFUSED, title: 'Escalation refused', detail: error.message });
  return error;
}

export function unknownPolicy(policyId: string, known: readonly string[]): ProblemException {
  return new ProblemException({ status: 404, detail: `No SLA policy ${policyId}; chains exist for ${known.join(', ')}.` });
}
