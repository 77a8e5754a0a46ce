import { mayManageTenant, PLATFORM_TENANT } from './tenant-access';

describe('mayManageTenant', () => {
  it("lets a tenant admin manage its own tenant's keys only", () => {
    expect(mayManageTenant('acme', 'acme')).toBe(true);
    expect(mayManageTenant('acme', 'globex')).toBe(false);
  });

  it('lets the platform operator (tenant * or _platform) manage every tenant', () => {
    expect(mayManageTenant('*', 'acme')).toBe(true);
    expect(mayManageTenant(PLATFORM_TENANT, 'globex')).toBe(true);
  });

  it('does not treat a tenant named like a pattern as the operator', () => {
    expect(mayManageTenant('acme*', 'acme-2')).toBe(false);
    expect(mayManageTenant('', 'acme')).toBe(false);
  });
});
