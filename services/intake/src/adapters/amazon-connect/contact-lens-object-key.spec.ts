import { parseAnalysisObjectKey, recordingTimeOf } from './contact-lens-object-key';

describe('parseAnalysisObjectKey', () => {
  it('reads the contact and time of an original and a redacted analysis key, as documented', () => {
    expect(parseAnalysisObjectKey('connect-instance-bucket/Analysis/Voice/2020/02/04/0b3c1d2e-aaaa-4bbb-8ccc-1234567890ab_analysis_2020-02-04T21:14:16Z.json')).toEqual({
      contactId: '0b3c1d2e-aaaa-4bbb-8ccc-1234567890ab',
      redacted: false,
      analysedAt: '2020-02-04T21:14:16.000Z',
    });
    expect(parseAnalysisObjectKey('Analysis/Chat/Redacted/2020/02/04/c-1_analysis_redacted_2020-02-04T21:14:16Z.json')).toEqual({
      contactId: 'c-1',
      redacted: true,
      analysedAt: '2020-02-04T21:14:16.000Z',
    });
  });

  it('decodes a key as S3 notifications encode it', () => {
    expect(parseAnalysisObjectKey('Analysis/Voice/2020/02/04/c-2_analysis_2020-02-04T21%3A14%3A16Z.json')?.analysedAt).toBe('2020-02-04T21:14:16.000Z');
  });

  it('refuses keys that are not analysis files', () => {
    expect(parseAnalysisObjectKey('CallRecordings/2020/02/04/c-1_20200204T21:13_UTC.wav')).toBeUndefined();
    expect(parseAnalysisObjectKey('Analysis/Voice/2020/02/04/c-1_analysis_2020-13-45T21:14:16Z.json')).toBeUndefined();
    expect(parseAnalysisObjectKey('')).toBeUndefined();
  });
});

describe('recordingTimeOf', () => {
  it("takes the call's time from its recording's name", () => {
    expect(recordingTimeOf('s3://bucket/connect/demo/CallRecordings/2026/11/25/c-1_20261125T01:30_UTC.wav')).toBe('2026-11-25T01:30:00.000Z');
  });

  it('gives nothing for a URI without a recording time', () => {
    expect(recordingTimeOf('path to the json file in s3')).toBeUndefined();
    expect(recordingTimeOf(undefined)).toBeUndefined();
  });
});
