import { lintAsyncApi } from './asyncapi-lint';

const sound = () => ({
  asyncapi: '3.0.0',
  info: { title: 'T', version: '1' },
  servers: { broker: { host: 'localhost:5672', protocol: 'amqp' } },
  channels: { thingDone: { address: 'thing.done', messages: { thingDone: { $ref: '#/components/messages/thingDone' } } } },
  operations: {
    sendThingDone: { action: 'send', channel: { $ref: '#/channels/thingDone' }, messages: [{ $ref: '#/channels/thingDone/messages/thingDone' }] },
  },
  components: { messages: { thingDone: { payload: { type: 'object' } } } },
});

describe('lintAsyncApi', () => {
  it('finds nothing wrong with a sound document', () => {
    expect(lintAsyncApi(sound())).toEqual([]);
  });

  it('reports a wrong version, a bad action, a message of another channel and a dangling $ref', () => {
    const doc = sound() as ReturnType<typeof sound> & { asyncapi: string };
    doc.asyncapi = '2.6.0';
    doc.operations.sendThingDone.action = 'publish';
    doc.operations.sendThingDone.messages = [{ $ref: '#/components/messages/thingDone' }];
    doc.channels.thingDone.messages.thingDone.$ref = '#/components/messages/nope';
    expect(lintAsyncApi(doc)).toEqual([
      '#/asyncapi: expected AsyncAPI 3.0.0',
      '#/channels/thingDone/messages/thingDone: $ref #/components/messages/nope does not resolve',
      '#/operations/sendThingDone: action is send or receive',
      "#/operations/sendThingDone/messages/0: a message of the operation's channel (#/channels/thingDone/messages/…)",
    ]);
  });
});
