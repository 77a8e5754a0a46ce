import { loadPlatformConfig, signDevToken } from '@hotline/platform';
import type { CliIo } from './cli';
import { parseOptions, required, UsageError } from './cli-options';
import { type AdminCredential, type ApiKeyView, DEFAULT_INTAKE_URL, IntakeAdminClient } from './intake-admin-client';
import { USAGE } from './usage';

/** The tenant of a platform operator, who manages every tenant's keys (intake's tenants/tenant-access.ts). */
const OPERATOR_TENANT = '_platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How every api-key action reaches intake. */
const INTAKE_OPTIONS = { 'intake-url': { type: 'string' }, token: { type: 'string' } } as const;

/** `api-key create|revoke|list …` through intake's admin API, as the platform operator. */
export async function apiKeyCommand([action, ...args]: string[], io: CliIo): Promise<void> {
  switch (action) {
    case 'create': {
      const options = parseOptions(args, {
        tenant: { type: 'string' },
        name: { type: 'string', default: 'default' },
        scope: { type: 'string', multiple: true, default: ['events:write'] },
        ...INTAKE_OPTIONS,
      });
      if (options.help) return io.out(USAGE);
      const tenantId = required(options.tenant, '--tenant');
      const intake = await intakeAdmin(options, io);
      const created = await intake.createApiKey(tenantId, { name: options.name, scopes: options.scope });
      io.out(created.key);
      io.err(`Created API key ${created.prefix} (id ${created.id}) for tenant ${created.tenantId}, scopes ${created.scopes.join(', ')}.`);
      io.err("Store the key now: it won't be shown again.");
      return;
    }
    case 'revoke': {
      const options = parseOptions(args, { tenant: { type: 'string' }, id: { type: 'string' }, ...INTAKE_OPTIONS });
      if (options.help) return io.out(USAGE);
      const tenantId = required(options.tenant, '--tenant');
      const id = required(options.id, '--id');
      if (!UUID.test(id)) throw new UsageError(`--id ${id} is not a key id; "api-key list --tenant ${tenantId}" shows them.`);
      const intake = await intakeAdmin(options, io);
      await intake.revokeApiKey(tenantId, id);
      // The revocation answers 204; the list says which key that was, and since when it is revoked.
      const revoked = (await intake.listApiKeys(tenantId)).find((key) => key.id === id);
      io.out(
        revoked
          ? `Revoked API key ${revoked.prefix} (${revoked.name}) of tenant ${tenantId} at ${revoked.revokedAt}.`
          : `Revoked API key ${id} of tenant ${tenantId}.`,
      );
      return;
    }
    case 'list': {
      const options = parseOptions(args, { tenant: { type: 'string' }, ...INTAKE_OPTIONS });
      if (options.help) return io.out(USAGE);
      const tenantId = required(options.tenant, '--tenant');
      const keys = await (await intakeAdmin(options, io)).listApiKeys(tenantId);
      io.out(keys.length ? table(keys) : `Tenant ${tenantId} has no API keys.`);
      return;
    }
    case '--help':
    case '-h':
      return io.out(USAGE);
    default:
      throw new UsageError(action ? `Unknown api-key action "${action}".` : 'api-key needs an action: create, revoke or list.');
  }
}

/** Intake at --intake-url, INTAKE_URL or where npm start runs it, called with an admin JWT. */
async function intakeAdmin(options: { 'intake-url'?: string; token?: string }, io: CliIo): Promise<IntakeAdminClient> {
  return new IntakeAdminClient(intakeUrl(options['intake-url'] || io.env.INTAKE_URL || DEFAULT_INTAKE_URL), await adminCredential(options.token, io));
}

function intakeUrl(value: string): URL {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  // Not echoed: a mistyped URL may hold a password.
  if (!url || !['http:', 'https:'].includes(url.protocol)) throw new UsageError(`--intake-url (or INTAKE_URL) is not an http(s) URL, e.g. ${DEFAULT_INTAKE_URL}.`);
  if (url.username || url.password) throw new UsageError('--intake-url (or INTAKE_URL) must not hold a user or password: the CLI authenticates with an admin JWT.');
  return url;
}

/**
 * The admin JWT given (--token, else HOTLINE_ADMIN_TOKEN), or else a five-minute platform-operator
 * token signed with JWT_SECRET, as `hotline token` signs. A deployment verifying JWTs against
 * JWKS_URL or OIDC_ISSUER_URL accepts no token the CLI can sign: there, one must be given.
 */
async function adminCredential(given: string | undefined, io: CliIo): Promise<AdminCredential> {
  const token = given || io.env.HOTLINE_ADMIN_TOKEN;
  if (token) return { token, whenRefused: 'Is the admin JWT given by --token (or HOTLINE_ADMIN_TOKEN) expired, or from another issuer?' };
  const config = loadPlatformConfig(io.env);
  const provider = config.JWKS_URL ? 'JWKS_URL' : config.OIDC_ISSUER_URL ? 'OIDC_ISSUER_URL' : undefined;
  if (provider) {
    throw new Error(
      `${provider} is set, so intake accepts only your identity provider's JWTs and the CLI cannot sign one: ` +
        `pass an admin JWT (role admin, tenant ${OPERATOR_TENANT} or *) with --token or HOTLINE_ADMIN_TOKEN.`,
    );
  }
  return {
    token: await signDevToken({
      tenant: OPERATOR_TENANT,
      roles: ['admin'],
      subject: 'hotline-cli',
      secret: config.JWT_SECRET,
      expiresIn: '5m',
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    }),
    whenRefused: 'The CLI signs its admin JWT with JWT_SECRET (and JWT_ISSUER, JWT_AUDIENCE): give it the values intake runs with, or pass --token.',
  };
}

function table(keys: ApiKeyView[]): string {
  const rows = [
    ['ID', 'PREFIX', 'NAME', 'SCOPES', 'CREATED', 'LAST USED', 'REVOKED'],
    ...keys.map((k) => [k.id, k.prefix, k.name, k.scopes.join(','), k.createdAt, k.lastUsedAt ?? '-', k.revokedAt ?? '-']),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}
