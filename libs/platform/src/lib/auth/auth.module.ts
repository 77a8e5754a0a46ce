import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier';

/**
 * What the auth guard uses beyond JWTs, given explicitly: modules that export `API_KEY_VERIFIER`
 * (a service whose routes take API keys) and `AUTH_FAILURE_LISTENER` (one that counts failures).
 * A service with neither passes nothing; the guard then accepts JWTs only.
 */
export interface AuthWiring {
  imports?: ModuleMetadata['imports'];
}

@Module({})
export class AuthModule {
  static forRoot(wiring: AuthWiring = {}): DynamicModule {
    return {
      module: AuthModule,
      imports: wiring.imports ?? [],
      providers: [JwtVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
