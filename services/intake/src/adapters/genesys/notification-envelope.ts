import type { FieldReader } from '../kit/field-reader';

/**
 * How Genesys Cloud delivers a notification, whatever it carries (detail events, conversations,
 * surveys): as a notification channel sends it (`{topicName, version, eventBody, metadata}`), or inside
 * an event of the Amazon EventBridge integration (`{"detail-type": <topic>, "source":
 * "aws.partner/genesys.com/…", "detail": <notification>}`). Every Genesys route reads it here.
 */
export interface GenesysNotification {
  /** The notification, read at `detail` for EventBridge (errors name `detail.…`); undefined when `detail` is no object. */
  notification: FieldReader | undefined;
  /** `topicName`, else EventBridge's `detail-type` (which writes the conversation as `{id}`). */
  topic: string | undefined;
  /** The notification's `eventBody`, when it is an object. */
  eventBody: FieldReader | undefined;
}

/** Reads the envelope of one delivered notification; the reader collects a wrong-typed topic as an error. */
export function readGenesysNotification(delivery: FieldReader): GenesysNotification {
  const fromEventBridge = delivery.has('detail-type') || delivery.has('detail');
  const notification = fromEventBridge ? delivery.at('detail') : delivery;
  const topic = notification?.string('topicName') ?? (fromEventBridge ? delivery.string('detail-type') : undefined);
  return { notification, topic, eventBody: notification?.at('eventBody') };
}
