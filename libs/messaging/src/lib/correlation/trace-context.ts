import { randomBytes } from 'node:crypto';

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): the `traceparent` that ties an HTTP
 * request, the events it causes and their handlers into one trace, and the vendors' `tracestate`
 * passed along untouched. Pure parsing and formatting; no tracer is needed to carry it.
 */
export interface TraceContext {
  /** 32 lowercase hex digits, not all zero: the whole trace. */
  traceId: string;
  /** 16 lowercase hex digits, not all zero: this piece of work (the span events name as their parent). */
  spanId: string;
  /** Two hex digits; bit 0 is `sampled`. */
  flags: string;
  /** The caller's `tracestate`, when it sent a plausible one. */
  tracestate?: string;
}

const VERSION_00 = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
/** A later version keeps version 00's fields in front and may add more after a dash. */
const LATER_VERSION = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;
/** tracestate: at most 32 list members of printable ASCII; we pass it on, so only its size and characters are checked. */
const TRACESTATE = /^[\x20-\x7e]{1,512}$/;
/** Flags of a trace started here: sampled, so a collector behind OTEL_EXPORTER_OTLP_ENDPOINT keeps it. */
const NEW_TRACE_FLAGS = '01';

/** The context a valid `traceparent` names, else undefined (the caller then starts a new trace). */
export function parseTraceparent(value: unknown, tracestate?: unknown): TraceContext | undefined {
  if (typeof value !== 'string') return undefined;
  const header = value.trim();
  const v00 = VERSION_00.exec(header);
  const later = v00 ? undefined : LATER_VERSION.exec(header);
  // Version ff is forbidden; a later version must still be read as 00 (its extra fields ignored).
  if (later && (later[1] === '00' || later[1] === 'ff')) return undefined;
  const [traceId, spanId, flags] = v00 ? [v00[1], v00[2], v00[3]] : later ? [later[2], later[3], later[4]] : [];
  if (!traceId || !spanId || !flags || ALL_ZERO.test(traceId) || ALL_ZERO.test(spanId)) return undefined;
  const state = typeof tracestate === 'string' && TRACESTATE.test(tracestate.trim()) ? tracestate.trim() : undefined;
  return { traceId, spanId, flags, ...(state === undefined ? {} : { tracestate: state }) };
}

/** `00-<trace id>-<span id>-<flags>`: the header (and CloudEvents attribute) naming `context` as the parent. */
export function formatTraceparent(context: TraceContext): string {
  return `00-${context.traceId}-${context.spanId}-${context.flags}`;
}

/** A new trace, for work that arrives without a (valid) traceparent. */
export function newTrace(): TraceContext {
  return { traceId: nonZeroHex(16), spanId: nonZeroHex(8), flags: NEW_TRACE_FLAGS };
}

/** The work `parent` causes: same trace, flags and tracestate, a span id of its own. */
export function childSpan(parent: TraceContext): TraceContext {
  return { ...parent, spanId: nonZeroHex(8) };
}

/** Continues the trace a `traceparent` names with a span of its own, or starts a new trace. */
export function continueTrace(traceparent: unknown, tracestate?: unknown): TraceContext {
  const parent = parseTraceparent(traceparent, tracestate);
  return parent ? childSpan(parent) : newTrace();
}

/**
 * Random bytes drawn from a pool refilled 4 KiB at a time: a span per consumed event made a
 * `randomBytes` call each about 4 % of a busy consumer's CPU (bench:dispatch's profile).
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function nonZeroHex(bytes: number): string {
  for (;;) {
    if (poolOffset + bytes > pool.length) {
      pool = randomBytes(POOL_BYTES);
      poolOffset = 0;
    }
    const hex = pool.toString('hex', poolOffset, poolOffset + bytes);
    poolOffset += bytes;
    if (!ALL_ZERO.test(hex)) return hex;
  }
}
