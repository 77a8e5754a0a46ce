import { type VoiceParams, voiceCallbackKind } from './voice-callback-mapping';

/** The wait loop's pause: Twilio fetches the waitUrl again when its TwiML ends, so each fetch re-states the queue. */
export const WAIT_PAUSE_SECONDS = 10;

/**
 * What a queue callback answers, since Twilio executes it as TwiML on the caller's call: the wait
 * goes on in silence (waitUrl), the caller is connected at once (`<Queue>` url), the call ends once
 * it left the queue (`<Enqueue>` action). A status callback's answer is ignored by Twilio: undefined,
 * it gets the JSON ingest result.
 */
export function twimlFor(params: VoiceParams): string | undefined {
  switch (voiceCallbackKind(params)) {
    case 'enqueue-wait':
      return `<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="${WAIT_PAUSE_SECONDS}"/></Response>`;
    case 'queue-dequeue':
    case 'enqueue-action':
      return '<?xml version="1.0" encoding="UTF-8"?><Response/>';
    default:
      return undefined;
  }
}
