import type { Principal } from './principal';

/** Who made a request, as services record and audit it (the `actor` of `audit.recorded`, a case's timeline, an incident's moves). */
// A type, not an interface: it must fit the contract's open (`looseObject`) actor type.
export type PrincipalActor = {
  id: string;
  kind: 'user' | 'api_key';
  roles: string[];
};

/** The actor of a request: a person by the JWT's subject and roles (the contract keeps up to 20), a platform by its API key's id. */
export function actorOf(principal: Principal): PrincipalActor {
  return principal.kind === 'jwt'
    ? { id: principal.subject, kind: 'user', roles: principal.roles.slice(0, 20) }
    : { id: principal.keyId, kind: 'api_key', roles: [] };
}
