import { maskData } from './mask-data';

describe('maskData', () => {
  it('masks free text anywhere and reports path, kind and count, never the value', () => {
    const data = {
      contactId: 'c-13812345678',
      language: 'zh',
      agentId: 'agent-7',
      segments: [
        { role: 'agent', text: '您好', beginOffsetMs: 0, endOffsetMs: 900 },
        { role: 'customer', text: '我的手机13812345678，备用13912345678', beginOffsetMs: 1000, endOffsetMs: 4000 },
        { role: 'customer', text: '身份证11010519491231002X', beginOffsetMs: 4000, endOffsetMs: 6000 },
      ],
    };
    const { data: masked, redactions } = maskData(data);
    expect(masked).toEqual({
      ...data,
      segments: [
        data.segments[0],
        { ...data.segments[1], text: '我的手机138****5678，备用139****5678' },
        { ...data.segments[2], text: '身份证******************' },
      ],
    });
    expect(redactions).toEqual([
      { path: 'segments.1.text', kind: 'mobile', count: 2 },
      { path: 'segments.2.text', kind: 'id_card', count: 1 },
    ]);
    expect(JSON.stringify(redactions)).not.toMatch(/\d{4}/);
  });

  it('does not change its input', () => {
    const data = { description: '卡号6222021234567894', tags: ['a@b.cn'] };
    const copy = structuredClone(data);
    const { data: masked } = maskData(data);
    expect(data).toEqual(copy);
    expect(masked).toEqual({ description: '卡号************7894', tags: ['a***@b.cn'] });
  });

  it('keeps identifiers and enumerations so events stay linkable', () => {
    const data = {
      id: '13812345678',
      customerId: '13812345678',
      agentIds: ['13812345678'],
      TaskSid: 'WT13812345678',
      contact_id: '13812345678',
      queue: '13812345678',
      skills: ['13812345678'],
      region: '010-62345678',
    };
    expect(maskData(data)).toEqual({ data, redactions: [] });
  });

  it('still masks an identifier field whose whole value is a resident ID number', () => {
    expect(maskData({ customerId: '11010519491231002X', contactId: 'x11010519491231002X' })).toEqual({
      data: { customerId: '******************', contactId: 'x11010519491231002X' },
      redactions: [{ path: 'customerId', kind: 'id_card', count: 1 }],
    });
  });

  it('masks a phone field however it is written', () => {
    const { data, redactions } = maskData({
      customer: { id: 'cust-1', phone: '138.1234.5678' },
      callerPhone: 'tel:+86-10-6234-5678',
      mobile: '+1 (415) 555-0123',
      phoneNumber: '(0086)13812345678',
      customerPhone: 13812345678,
    });
    expect(data).toEqual({
      customer: { id: 'cust-1', phone: '138.****.5678' },
      callerPhone: 'tel:+86-10-****-5678',
      mobile: '+1 (***) ***-0123',
      phoneNumber: '(0086)138****5678',
      customerPhone: '138****5678',
    });
    expect(redactions).toEqual([
      { path: 'customer.phone', kind: 'mobile', count: 1 },
      { path: 'callerPhone', kind: 'landline', count: 1 },
      { path: 'mobile', kind: 'mobile', count: 1 },
      { path: 'phoneNumber', kind: 'mobile', count: 1 },
      { path: 'customerPhone', kind: 'mobile', count: 1 },
    ]);
  });

  it('leaves short or masked phone values alone', () => {
    const data = { customer: { phone: 'anonymous' }, phone: '138****5678', homePhone: '10086' };
    expect(maskData(data)).toEqual({ data, redactions: [] });
  });

  it('masks a number that is, as a whole, a phone or card number, and no other number', () => {
    const data = { note: 13812345678, talkSeconds: 312, at: 1764115200000, share: 0.5 };
    expect(maskData(data)).toEqual({
      data: { ...data, note: '138****5678' },
      redactions: [{ path: 'note', kind: 'mobile', count: 1 }],
    });
  });

  it('masks strings in nested arrays and top-level values', () => {
    expect(maskData([['x', 'a@b.cn']]).redactions).toEqual([{ path: '0.1', kind: 'email', count: 1 }]);
    expect(maskData('13812345678')).toEqual({ data: '138****5678', redactions: [{ path: '', kind: 'mobile', count: 1 }] });
    expect(maskData(null)).toEqual({ data: null, redactions: [] });
  });

  it('keeps a "__proto__" key of parsed JSON as a plain field', () => {
    const { data } = maskData(JSON.parse('{"__proto__": {"note": "13812345678"}}'));
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ note: '138****5678' });
  });

  it('is idempotent', () => {
    const once = maskData({ customer: { phone: '138.1234.5678' }, comment: '卡号6222021234567894', n: 13812345678 });
    expect(maskData(once.data)).toEqual({ data: once.data, redactions: [] });
  });

  it('masks the fields that plainly hold names and places, keeping the first character of a name', () => {
    const { data, redactions } = maskData({
      customerName: '张三丰',
      customer: { id: 'cust-1', name: 'Alice Smith' },
      participants: [{ participantName: 'Bob Li', purpose: 'customer' }],
      WorkerName: '李四',
      friendly_name: 'Wang Wu',
      TaskQueueFriendlyName: 'Broadband support',
      Queue: { Name: 'Billing' },
      CallerCity: 'SAN FRANCISCO',
      FromZip: 94107,
      postcode: '100086',
      lastName: '',
    });
    expect(data).toEqual({
      customerName: '张**',
      customer: { id: 'cust-1', name: 'A**' },
      participants: [{ participantName: 'B**', purpose: 'customer' }],
      WorkerName: '李**',
      friendly_name: 'W**',
      TaskQueueFriendlyName: 'Broadband support',
      Queue: { Name: 'Billing' },
      CallerCity: '***',
      FromZip: '***',
      postcode: '***',
      lastName: '',
    });
    expect(redactions).toEqual([
      { path: 'customerName', kind: 'name', count: 1 },
      { path: 'customer.name', kind: 'name', count: 1 },
      { path: 'participants.0.participantName', kind: 'name', count: 1 },
      { path: 'WorkerName', kind: 'name', count: 1 },
      { path: 'friendly_name', kind: 'name', count: 1 },
      { path: 'CallerCity', kind: 'location', count: 1 },
      { path: 'FromZip', kind: 'location', count: 1 },
      { path: 'postcode', kind: 'location', count: 1 },
    ]);
    expect(maskData(data).redactions).toEqual([]);
  });

  it("masks a call's endpoints however the platform fills them: number, SIP URI or e-mail", () => {
    const { data } = maskData({
      CustomerEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+14155552671' },
      SystemEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+8613812345678' },
      From: 'sip:+442079460958@trunk.example.com',
      To: 'client:alice_40example_2Ecom',
      Caller: '+33612345678',
      Called: '4155552671',
    });
    expect(data).toEqual({
      CustomerEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+1******2671' },
      SystemEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+86138****5678' },
      From: 'sip:+***@trunk.example.com',
      To: 'client:a***_40example_2Ecom',
      Caller: '+33*****5678',
      Called: '******2671',
    });
  });

  it("masks Genesys's endpoint fields and the names of its parties", () => {
    const { data, redactions } = maskData({
      participants: [
        {
          name: 'Wang Fang',
          address: 'tel:%2B442079460958',
          aniName: 'WANG FANG',
          calls: [{ self: { name: 'Li Na', nameRaw: 'Li Na', addressNormalized: 'tel:+4915123456789' }, other: { addressRaw: '0044 20 7946 0958' } }],
        },
      ],
      sessions: [
        {
          addressFrom: 'sip:+33612345678@trunk',
          addressTo: '+14155552671',
          addressDisplayable: '+44 7911 123456',
          addressOther: 'zhang.san@example.com',
          sessionDnis: 'tel:+861088886666',
          callbackNumbers: ['tel:+8613700002222'],
          remoteNameDisplayable: 'Zhang San',
          remote: '+14155550123',
          direction: 'inbound',
        },
      ],
    });
    expect(data).toEqual({
      participants: [
        {
          name: 'W**',
          address: 'tel:%2B44******0958',
          aniName: 'W**',
          calls: [{ self: { name: 'L**', nameRaw: 'L**', addressNormalized: 'tel:+49*******6789' }, other: { addressRaw: '0044 ** **** 0958' } }],
        },
      ],
      sessions: [
        {
          addressFrom: 'sip:+33*****5678@trunk',
          addressTo: '+1******2671',
          addressDisplayable: '+44 **** **3456',
          addressOther: 'z***@example.com',
          sessionDnis: 'tel:+8610****6666',
          callbackNumbers: ['tel:+86137****2222'],
          remoteNameDisplayable: 'Z**',
          remote: '+**',
          direction: 'inbound',
        },
      ],
    });
    expect(redactions.map((r) => `${r.path}:${r.kind}`)).toEqual([
      'participants.0.name:name',
      'participants.0.address:landline',
      'participants.0.aniName:name',
      'participants.0.calls.0.self.name:name',
      'participants.0.calls.0.self.nameRaw:name',
      'participants.0.calls.0.self.addressNormalized:mobile',
      'participants.0.calls.0.other.addressRaw:landline',
      'sessions.0.addressFrom:mobile',
      'sessions.0.addressTo:mobile',
      'sessions.0.addressDisplayable:mobile',
      'sessions.0.addressOther:email',
      'sessions.0.sessionDnis:landline',
      'sessions.0.callbackNumbers.0:mobile',
      'sessions.0.remoteNameDisplayable:name',
      'sessions.0.remote:name',
    ]);
    expect(maskData(data).redactions).toEqual([]);
  });
});
