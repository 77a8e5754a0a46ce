import { loadPlatformConfig, ROLES, type Role, signDevToken } from '@hotline/platform';
import type { CliIo } from './cli';
import { parseOptions, required, UsageError } from './cli-options';
import { USAGE } from './usage';

/** `token --tenant T --role R [--role R2] [--subject S] [--expires 8h]`: prints a dev JWT. */
export async function tokenCommand(args: string[], io: CliIo): Promise<void> {
  const options = parseOptions(args, {
    tenant: { type: 'string' },
    role: { type: 'string', multiple: true },
    subject: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  });
  if (options.help) return io.out(USAGE);
  const tenant = required(options.tenant, '--tenant');
  const roles = required(options.role, '--role').map(toRole);
  const config = loadPlatformConfig(io.env);
  const provider = config.JWKS_URL ? 'JWKS_URL' : config.OIDC_ISSUER_URL ? 'OIDC_ISSUER_URL' : undefined;
  if (provider) io.err(`Note: ${provider} is set, so services verify tokens against that provider and will refuse this one.`);
  try {
    io.out(
      await signDevToken({
        tenant,
        roles,
        subject: options.subject,
        secret: config.JWT_SECRET,
        expiresIn: options.expires,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
      }),
    );
  } catch (error) {
    // jose rejects an --expires it cannot read ("Invalid time period format"); signDevToken one over 24 h.
    if (error instanceof TypeError || error instanceof RangeError) {
      throw new UsageError(`--expires ${options.expires}: ${error.message}; use e.g. 8h, 30m, 24h.`);
    }
    throw error;
  }
}

function toRole(role: string): Role {
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  throw new UsageError(`Unknown role "${role}"; roles are ${ROLES.join(', ')}.`);
}
