import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** Env var: the largest piece of evidence kept, in bytes of content (default 5 MiB). */
export const EVIDENCE_MAX_BYTES_ENV = 'SECURITY_EVIDENCE_MAX_BYTES';
export const DEFAULT_EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** Injection token of the evidence size limit (a number of bytes). */
export const EVIDENCE_MAX_BYTES = Symbol('SECURITY_EVIDENCE_MAX_BYTES');

export function evidenceMaxBytes(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_EVIDENCE_MAX_BYTES;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes < 1) throw new Error(`${EVIDENCE_MAX_BYTES_ENV} must be a positive whole number of bytes, got '${value}'`);
  return bytes;
}

/** The JSON body limit that lets the largest evidence through: base64 (4/3) plus room for the other fields. */
export function evidenceBodyLimit(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4 + 64 * 1024;
}

export const evidenceMaxBytesProvider: Provider = {
  provide: EVIDENCE_MAX_BYTES,
  inject: [ConfigService],
  useFactory: (config: ConfigService): number => evidenceMaxBytes(config.get<string>(EVIDENCE_MAX_BYTES_ENV)),
};
