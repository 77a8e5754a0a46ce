import { applyOverrides } from './apply-overrides';
import { builtInStandards } from './built-in-standards';
import { HOTLINE_DEFAULT, isFloor, manualChapter, tenantStandard } from './provenance';

const { standards } = builtInStandards;

describe('provenance', () => {
  it('names the manual chapter and the tenant standard', () => {
    expect(manualChapter('2.1')).toBe('Manual ch. 2.1');
    expect(tenantStandard('acme', '3')).toBe('Tenant acme standard 3');
  });

  it('treats regulations and the manual as floors, and Hotline defaults as not', () => {
    expect(isFloor(standards['answer-time'])).toBe(true);
    expect(isFloor(standards['complaint-reply'])).toBe(true);
    expect(isFloor(standards['mobile-fault-repair-max'])).toBe(true);
    expect(isFloor(standards['billing-error-rate'])).toBe(true);
    expect(isFloor(standards['follow-up-call'])).toBe(false);
    expect(standards['follow-up-call'].provenance).toBe(HOTLINE_DEFAULT);
  });

  it("judges a tenant's value by the standard it replaced", () => {
    const tenant = applyOverrides(builtInStandards, {
      tenantId: 'acme',
      version: '1',
      effectiveFrom: '2026-01-01T00:00:00Z',
      standards: { 'answer-time': { kind: 'deadline', seconds: 20 }, 'follow-up-call': { kind: 'deadline', seconds: 3600 } },
    });
    expect(isFloor(tenant.standards['answer-time'])).toBe(true);
    expect(isFloor(tenant.standards['follow-up-call'])).toBe(false);
  });
});
