import { DEFAULT_AMQP_URL, DEFAULT_DATABASE_URL, ROLES } from '@hotline/platform';
import { DEFAULT_INTAKE_URL } from './intake-admin-client';

export const USAGE = `Usage: npx hotline <command> [options]

Commands:
  token --tenant T --role R [--role R2 …] [--subject S] [--expires 8h]
      Print a dev JWT signed with JWT_SECRET (default: the development secret); --expires at most 24h.
  api-key create --tenant T [--name N] [--scope S …]
      Create a platform API key (default scope: events:write) and print it, once.
  api-key revoke --tenant T --id ID
      Revoke an API key; requests using it are refused from then on.
  api-key list --tenant T
      List a tenant's API keys: prefixes, names, scopes and dates, never the keys.
      The api-key commands call intake's admin API: intake must be running (npm start starts it).
      Every one takes --intake-url URL and --token JWT (see Environment).
  dlq list --queue Q [--limit 50] [--json]
      Show the dead letters in Q.dead without removing them: event id, type, failed at,
      retries and last error, one line each (--json: every field, with the body).
  dlq replay --queue Q [--limit N]
      Move the dead letters in Q.dead (all, or the first N) back onto Q, retry count reset.
  outbox list --service S [--tenant T] [--limit 50] [--json]
      Show the events S's outbox relay parked because they could not be published: row id,
      event id, tenant, type, when, attempts and reason, oldest first (S: intake, dispatch, …).
  outbox retry --service S (--id ID [--id ID2 …] | --all)
      Put parked events back at the end of S's outbox; the relay publishes them (or parks them again).
  timers list --service S [--tenant T] [--limit 50] [--json]
      Show the durable timers S parked because their handler kept failing: tenant, kind, key,
      due and parked times, attempts and reason, oldest first (e.g. dispatch's sla.answer).
  timers retry --service S (--tenant T --kind K --key KEY [--key KEY2 …] | --all)
      Put parked timers back to fire at once, tries reset (a timer set again meanwhile stays as set).

Roles: ${ROLES.join(', ')}
Environment: JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE (token, and the api-key commands' admin JWT);
  INTAKE_URL (api-key; default ${DEFAULT_INTAKE_URL}), HOTLINE_ADMIN_TOKEN (api-key: an admin JWT
  to use instead of one the CLI signs; needed, or --token, when the services verify JWTs
  with JWKS_URL or OIDC_ISSUER_URL);
  DATABASE_URL (outbox, timers; default ${DEFAULT_DATABASE_URL});
  AMQP_URL (dlq; default ${DEFAULT_AMQP_URL}), HOTLINE_NAMESPACE (dlq: prefixes Q)
Q is a consumer queue as a service names it, e.g. quality.kpis, dispatch.cases, security.audit.`;
