import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier';

@Module({
  providers: [JwtVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
