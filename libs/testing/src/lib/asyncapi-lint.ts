import { escapePointer as escape, isObject, type Json, type JsonObject, lintReferences, type Report, resolvePointer } from './json-document';

/**
 * A structural check of an AsyncAPI 3.0.0 document, for tests: the required fields, every `$ref`
 * resolving, component and channel keys as the spec allows them, operations that send or receive
 * on a channel with messages of that very channel, and messages with a payload schema. Returns one
 * message per finding, `<JSON pointer>: <what is wrong>`; an empty list means the document is sound.
 */
const KEY = /^[a-zA-Z0-9.\-_]+$/;

export function lintAsyncApi(input: unknown): string[] {
  const findings: string[] = [];
  const report: Report = (pointer, message) => findings.push(`${pointer || '#'}: ${message}`);
  const document = input as Json;
  if (!isObject(document)) return ['#: the document is not a JSON object'];

  if (document['asyncapi'] !== '3.0.0') report('#/asyncapi', 'expected AsyncAPI 3.0.0');
  const info = document['info'];
  if (!isObject(info) || typeof info['title'] !== 'string' || typeof info['version'] !== 'string') report('#/info', 'needs a title and a version');
  lintReferences(document, document, '#', report);

  for (const [name, server] of entries(document['servers'])) {
    if (!isObject(server) || typeof server['host'] !== 'string' || typeof server['protocol'] !== 'string') {
      report(`#/servers/${escape(name)}`, 'a server has a host and a protocol');
    }
  }
  for (const [name, channel] of entries(document['channels'])) {
    const pointer = `#/channels/${escape(name)}`;
    if (!KEY.test(name)) report(pointer, 'a channel key is letters, digits, ., - or _');
    if (!isObject(channel)) continue;
    if (channel['address'] !== undefined && channel['address'] !== null && typeof channel['address'] !== 'string') report(pointer, 'address is a string or null');
    if (channel['messages'] !== undefined && !isObject(channel['messages'])) report(pointer, 'messages is a map');
  }
  for (const [name, operation] of entries(document['operations'])) lintOperation(document, name, operation, report);

  const components = isObject(document['components']) ? document['components'] : {};
  for (const [section, members] of Object.entries(components)) {
    for (const key of Object.keys(isObject(members) ? members : {})) {
      if (!KEY.test(key)) report(`#/components/${section}/${escape(key)}`, 'a component key is letters, digits, ., - or _');
    }
  }
  for (const [name, message] of entries(components['messages'])) {
    const payload = isObject(message) ? message['payload'] : undefined;
    if (!isObject(payload)) report(`#/components/messages/${escape(name)}`, 'a message has a payload schema');
  }
  return findings;
}

function entries(node: Json | undefined): [string, Json][] {
  return isObject(node) ? Object.entries(node) : [];
}

/** An operation acts on one channel, with messages that channel carries (AsyncAPI 3.0.0, Operation Object). */
function lintOperation(document: JsonObject, name: string, operation: Json, report: Report): void {
  const pointer = `#/operations/${escape(name)}`;
  if (!KEY.test(name)) report(pointer, 'an operation key is letters, digits, ., - or _');
  if (!isObject(operation)) return report(pointer, 'an operation is an object');
  if (operation['action'] !== 'send' && operation['action'] !== 'receive') report(pointer, 'action is send or receive');
  const channel = operation['channel'];
  const channelRef = isObject(channel) ? channel['$ref'] : undefined;
  if (typeof channelRef !== 'string' || !channelRef.startsWith('#/channels/') || !isObject(resolvePointer(document, channelRef))) {
    return report(pointer, 'channel is a $ref to one of #/channels');
  }
  const messages = operation['messages'];
  if (messages === undefined) return;
  if (!Array.isArray(messages)) return report(pointer, 'messages is a list of $refs');
  messages.forEach((message, index) => {
    const ref = isObject(message) ? message['$ref'] : undefined;
    if (typeof ref !== 'string' || !ref.startsWith(`${channelRef}/messages/`)) {
      report(`${pointer}/messages/${index}`, `a message of the operation's channel (${channelRef}/messages/…)`);
    }
  });
}
