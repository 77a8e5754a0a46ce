import type { Principal } from '@hotline/platform';
import type { IncidentActor } from './domain/incident';

/** Who moves an incident, as recorded and audited: the JWT's subject and roles (the contract keeps up to 20 roles). */
export function actorOf(principal: Principal): IncidentActor {
  return principal.kind === 'jwt'
    ? { id: principal.subject, kind: 'user', roles: principal.roles.slice(0, 20) }
    : { id: principal.keyId, kind: 'api_key', roles: [] };
}
