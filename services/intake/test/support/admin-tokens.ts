import type { StartedService } from '@hotline/testing/service';

/** Who calls intake's admin API in its tests: two tenants' admins, the operator (admin of every tenant, '*') and a non-admin. */
export async function adminTokens(svc: StartedService) {
  return {
    acmeAdmin: await svc.token({ tenant: 'acme', roles: ['admin'] }),
    globexAdmin: await svc.token({ tenant: 'globex', roles: ['admin'] }),
    operator: await svc.token({ tenant: '*', roles: ['admin'] }),
    acmeSupervisor: await svc.token({ tenant: 'acme', roles: ['supervisor'] }),
  };
}

export type AdminTokens = Awaited<ReturnType<typeof adminTokens>>;
