import { isValidTwilioSignature, signedUrlVariants, twilioSignature } from './twilio-signature';

// The example of Twilio's "Webhooks security" page and the vectors of its helper libraries'
// tests (twilio-python tests/unit/test_request_validator.py, twilio-node webhooks.spec).
const AUTH_TOKEN = '12345';
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const DOCS_EXAMPLE = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};
const LIBRARY_EXAMPLE = {
  CallSid: 'CA1234567890ABCDE',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
  Caller: '+14158675309',
};

describe('twilioSignature', () => {
  it("reproduces Twilio's published signatures", () => {
    expect(twilioSignature(AUTH_TOKEN, URL, DOCS_EXAMPLE)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(twilioSignature(AUTH_TOKEN, URL, LIBRARY_EXAMPLE)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('signs each value of a repeated parameter, sorted, as the helper libraries do', () => {
    const params = { Sid: 'CA123', SidAccount: 'AC123', Digits: ['5678', '1234'] };
    expect(twilioSignature(AUTH_TOKEN, URL, params)).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
  });

  it('signs nothing it cannot reproduce (a parser-expanded nested parameter)', () => {
    expect(twilioSignature(AUTH_TOKEN, URL, { Task: { Sid: 'WT1' } })).toBeUndefined();
  });
});

describe('isValidTwilioSignature', () => {
  it('accepts the right signature and rejects any change to token, URL, parameters or signature', () => {
    expect(isValidTwilioSignature(AUTH_TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL, LIBRARY_EXAMPLE)).toBe(true);
    expect(isValidTwilioSignature('54321', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL, LIBRARY_EXAMPLE)).toBe(false);
    expect(isValidTwilioSignature(AUTH_TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', `${URL}&baz=3`, LIBRARY_EXAMPLE)).toBe(false);
    expect(isValidTwilioSignature(AUTH_TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL, { ...LIBRARY_EXAMPLE, Digits: '9' })).toBe(false);
    expect(isValidTwilioSignature(AUTH_TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8', URL, LIBRARY_EXAMPLE)).toBe(false);
    expect(isValidTwilioSignature(AUTH_TOKEN, undefined, URL, LIBRARY_EXAMPLE)).toBe(false);
    expect(isValidTwilioSignature('', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL, LIBRARY_EXAMPLE)).toBe(false);
  });

  it('accepts a signature over the URL with or without its port, as the helper libraries do', () => {
    // twilio-python: "adds port on https" (signed with :443) and "removes port on https".
    expect(isValidTwilioSignature(AUTH_TOKEN, 'kvajT1Ptam85bY51eRf/AJRuM3w=', URL, LIBRARY_EXAMPLE)).toBe(true);
    expect(isValidTwilioSignature(AUTH_TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL.replace('.com', '.com:1234'), LIBRARY_EXAMPLE)).toBe(true);
    expect(isValidTwilioSignature(AUTH_TOKEN, '0ZXoZLH/DfblKGATFgpif+LLRf4=', URL.replace('https', 'http'), LIBRARY_EXAMPLE)).toBe(true);
  });

  it('lists the URL variants it tries', () => {
    expect(signedUrlVariants('https://h.example/p?q=1')).toEqual(['https://h.example/p?q=1', 'https://h.example:443/p?q=1']);
    expect(signedUrlVariants('http://h.example:8080/p')).toEqual(['http://h.example:8080/p', 'http://h.example/p']);
    expect(signedUrlVariants('not a url')).toEqual(['not a url']);
  });
});
