import { isBinaryMode, namingHeaders, readBinaryModeEvent } from './binary-mode';

const headers = {
  host: 'intake.example.com',
  authorization: 'Bearer hlk_x',
  'content-type': 'application/json; charset=utf-8',
  'ce-specversion': '1.0',
  'ce-id': 'evt-1',
  'ce-source': '/amazon-connect/acme',
  'ce-type': 'contact.abandoned',
  'ce-time': '2026-11-25T09:30:00+08:00',
};
const data = { contactId: 'c-1' };

describe('isBinaryMode', () => {
  it('is on when ce-specversion is sent with a non-CloudEvents content type', () => {
    expect(isBinaryMode(headers)).toBe(true);
    expect(isBinaryMode({ ...headers, 'content-type': 'text/plain' })).toBe(true); // then refused as 415
    expect(isBinaryMode({ 'ce-specversion': '1.0' })).toBe(true);
  });

  it('is off without ce-specversion, or when the content type is a CloudEvents event format', () => {
    const { 'ce-specversion': _omitted, ...withoutSpecversion } = headers;
    expect(isBinaryMode(withoutSpecversion)).toBe(false);
    expect(isBinaryMode({ ...headers, 'content-type': 'application/cloudevents+json' })).toBe(false);
    expect(isBinaryMode({ ...headers, 'content-type': 'application/cloudevents-batch+json; charset=utf-8' })).toBe(false);
  });
});

describe('readBinaryModeEvent', () => {
  it('builds the structured event: ce-* headers as attributes, Content-Type as datacontenttype, the body as data', () => {
    expect(readBinaryModeEvent(headers, data)).toEqual({
      ok: true,
      event: {
        specversion: '1.0',
        id: 'evt-1',
        source: '/amazon-connect/acme',
        type: 'contact.abandoned',
        time: '2026-11-25T09:30:00+08:00',
        datacontenttype: 'application/json',
        data,
      },
    });
  });

  it('maps every other ce-* header to an attribute of the same name, percent-decoded, and ignores other headers', () => {
    const read = readBinaryModeEvent(
      {
        ...headers,
        'ce-subject': '%E5%AE%A2%E6%88%B7%201',
        'ce-dataversion': '1',
        'ce-correlationid': 'corr-1',
        'ce-causationid': 'evt-0',
        'ce-traceparent': '00-abc-01',
        'ce-tenantid': 'other',
        'x-ce-not-me': 'ignored',
      },
      data,
    );
    expect(read).toEqual({
      ok: true,
      event: expect.objectContaining({
        subject: '客户 1',
        dataversion: '1',
        correlationid: 'corr-1',
        causationid: 'evt-0',
        traceparent: '00-abc-01',
        tenantid: 'other', // kept, so validation refuses it as it refuses a tenantid attribute
      }),
    });
    expect(read.ok && Object.keys(read.event)).not.toContain('x-ce-not-me');
  });

  it('leaves missing attributes missing, for validation to name', () => {
    const { 'ce-id': _omitted, ...withoutId } = headers;
    const read = readBinaryModeEvent(withoutId, data);
    expect(read.ok && read.event).not.toHaveProperty('id');
  });

  it.each([['text/plain'], ['application/xml'], ['application/x-www-form-urlencoded'], [undefined]])(
    'refuses data of content type %s as an unsupported media type',
    (contentType) => {
      expect(readBinaryModeEvent({ ...headers, 'content-type': contentType }, data)).toEqual({
        ok: false,
        unsupportedMediaType: expect.stringContaining('must be application/json'),
      });
    },
  );

  it('refuses ce-datacontenttype and ce-data (Content-Type and the body carry them) and badly encoded values, naming each', () => {
    expect(readBinaryModeEvent({ ...headers, 'ce-datacontenttype': 'application/json', 'ce-data': '{}', 'ce-subject': '%C0%A0' }, data)).toEqual({
      ok: false,
      errors: [
        { path: 'datacontenttype', message: expect.stringContaining('the Content-Type header carries it') },
        { path: 'data', message: expect.stringContaining('the request body carries it') },
        { path: 'subject', message: 'the ce-subject header is not valid UTF-8 once percent-decoded' },
      ],
    });
  });
});

describe('namingHeaders', () => {
  it('says which header or the body each error came from', () => {
    expect(
      namingHeaders([
        { path: 'id', message: 'Required (expected string)' },
        { path: 'time', message: 'bad' },
        { path: 'data.contactId', message: 'Required' },
        { path: 'datacontenttype', message: 'bad' },
        { path: '', message: 'whole' },
      ]),
    ).toEqual([
      { path: 'id', message: 'Required (expected string) (the ce-id header)' },
      { path: 'time', message: 'bad (the ce-time header)' },
      { path: 'data.contactId', message: 'Required (the request body)' },
      { path: 'datacontenttype', message: 'bad (the Content-Type header)' },
      { path: '', message: 'whole' },
    ]);
  });
});
