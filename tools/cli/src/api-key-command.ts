import { loadPlatformConfig } from '@hotline/platform';
import { type ApiKeyRecord, createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import type { CliIo } from './cli';
import { parseOptions, required, UsageError } from './cli-options';
import { USAGE } from './usage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `api-key create|revoke|list …` against intake's key table at DATABASE_URL. */
export async function apiKeyCommand([action, ...args]: string[], io: CliIo): Promise<void> {
  const { DATABASE_URL: databaseUrl } = loadPlatformConfig(io.env);
  switch (action) {
    case 'create': {
      const options = parseOptions(args, {
        tenant: { type: 'string' },
        name: { type: 'string', default: 'default' },
        scope: { type: 'string', multiple: true, default: ['events:write'] },
      });
      if (options.help) return io.out(USAGE);
      const created = await createApiKey({
        databaseUrl,
        tenantId: required(options.tenant, '--tenant'),
        name: options.name,
        scopes: options.scope,
      });
      io.out(created.key);
      io.err(`Created API key ${created.prefix} (id ${created.id}) for tenant ${created.tenantId}, scopes ${created.scopes.join(', ')}.`);
      io.err("Store the key now: it won't be shown again.");
      return;
    }
    case 'revoke': {
      const options = parseOptions(args, { id: { type: 'string' } });
      if (options.help) return io.out(USAGE);
      const id = required(options.id, '--id');
      if (!UUID.test(id)) throw new UsageError(`--id ${id} is not a key id; "api-key list" shows them.`);
      const revoked = await revokeApiKey({ databaseUrl, id });
      if (!revoked) throw new Error(`No API key has id ${id}.`);
      io.out(`Revoked API key ${revoked.prefix} (${revoked.name}) of tenant ${revoked.tenantId} at ${revoked.revokedAt?.toISOString()}.`);
      return;
    }
    case 'list': {
      const options = parseOptions(args, { tenant: { type: 'string' } });
      if (options.help) return io.out(USAGE);
      const tenantId = required(options.tenant, '--tenant');
      const keys = await listApiKeys({ databaseUrl, tenantId });
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

function table(keys: ApiKeyRecord[]): string {
  const date = (value: Date | null) => value?.toISOString() ?? '-';
  const rows = [
    ['ID', 'PREFIX', 'NAME', 'SCOPES', 'CREATED', 'LAST USED', 'REVOKED'],
    ...keys.map((k) => [k.id, k.prefix, k.name, k.scopes.join(','), date(k.createdAt), date(k.lastUsedAt), date(k.revokedAt)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}
