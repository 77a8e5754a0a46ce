import { putResponsePlanRequest, responsePlanParams } from './response-plan-requests';
import { toResponsePlanResponse } from './response-plan-response';
import { RESPONSE_PLANS } from './domain/response-plans';

const step = { id: 'triage', title: 'Triage', owner: 'security', within: 'PT15M' };
const pathsOf = (body: unknown) => putResponsePlanRequest.safeParse(body).error?.issues.map(({ path }) => path.join('.'));

describe('a response plan as sent and as answered', () => {
  it('takes `within` alone or per severity, and names a bad one, an empty plan, or a bad owner by field', () => {
    expect(putResponsePlanRequest.parse({ steps: [step, { ...step, id: 'b', within: { P1: 'PT1H', P2: 'PT2H', P3: 'P1D', P4: 'P3D' } }] }).steps).toHaveLength(2);
    expect(pathsOf({ steps: [{ ...step, within: 7 }] })).toEqual(['steps.0.within']);
    expect(pathsOf({ steps: [] })).toEqual(['steps']);
    expect(pathsOf({ steps: [{ ...step, owner: 'Security Team' }] })).toEqual(['steps.0.owner']);
    expect(responsePlanParams.safeParse({ incidentType: 'dance' }).error?.issues[0].message).toContain('pii_spoken_by_agent');
  });

  it('answers a built-in plan with its deadlines per severity as ISO 8601 durations', () => {
    const [triage] = toResponsePlanResponse(RESPONSE_PLANS.brute_force).steps;
    expect(triage).toEqual({ id: 'triage', title: expect.any(String), owner: 'security', within: { P1: 'PT15M', P2: 'PT1H', P3: 'PT4H', P4: 'P1D' }, after: [] });
    expect(toResponsePlanResponse({ ...RESPONSE_PLANS.brute_force, steps: [{ ...RESPONSE_PLANS.brute_force.steps[0], dueWithinMinutes: { P1: 90, P2: 1530, P3: 1, P4: 2880 } }] }).steps[0].within).toEqual({ P1: 'PT1H30M', P2: 'P1DT1H30M', P3: 'PT1M', P4: 'P2D' });
  });
});
