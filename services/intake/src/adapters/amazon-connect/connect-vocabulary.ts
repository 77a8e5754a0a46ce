import type { ContactChannel } from '../kit/mapped-event';

/**
 * Amazon Connect's words for a contact's channel and initiation method, read the same way from its
 * contact records (`Channel`, `InitiationMethod`) and its contact events (`channel`, `initiationMethod`).
 */

/** Channel → catalogue channel. A VOICE contact created by a queued callback is a `callback`. */
const CHANNELS: Readonly<Record<string, ContactChannel>> = { VOICE: 'voice', CHAT: 'chat', EMAIL: 'email' };

/** Initiation method → direction; `API` depends on the channel (see connectDirection). */
const DIRECTIONS: Readonly<Record<string, 'inbound' | 'outbound'>> = {
  INBOUND: 'inbound',
  TRANSFER: 'inbound',
  QUEUE_TRANSFER: 'inbound',
  WEBRTC_API: 'inbound',
  DISCONNECT: 'inbound',
  MONITOR: 'inbound',
  FLOW: 'inbound',
  // A queued callback is the customer's own inbound demand, kept on the callback channel: an
  // inbound-only view of the centre must not lose it because Connect dials out to serve it.
  CALLBACK: 'inbound',
  // Connect dials the customer: an agent's call, a third party, an e-mail reply.
  OUTBOUND: 'outbound',
  EXTERNAL_OUTBOUND: 'outbound',
  AGENT_REPLY: 'outbound',
};

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export function connectChannel(channel: string, initiationMethod: unknown): Read<ContactChannel> {
  if (channel === 'TASK') {
    return { ok: false, message: 'TASK contacts are work items, not customer contacts: Hotline has no channel for them (leave tasks out of the stream)' };
  }
  const known = Object.hasOwn(CHANNELS, channel) ? CHANNELS[channel] : undefined;
  if (!known) return { ok: false, message: `Unknown channel '${channel}': expected VOICE, CHAT or EMAIL` };
  return { ok: true, value: known === 'voice' && initiationMethod === 'CALLBACK' ? 'callback' : known };
}

export function connectDirection(method: string, channel: unknown): Read<'inbound' | 'outbound'> {
  if (method === 'API') return { ok: true, value: channel === 'VOICE' ? 'outbound' : 'inbound' }; // StartOutboundVoiceContact vs StartChatContact
  const direction = Object.hasOwn(DIRECTIONS, method) ? DIRECTIONS[method] : undefined;
  if (!direction) return { ok: false, message: `Unknown initiation method '${method}': expected one of API, ${Object.keys(DIRECTIONS).join(', ')}` };
  return { ok: true, value: direction };
}
