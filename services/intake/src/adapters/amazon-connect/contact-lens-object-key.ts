/*
 * Contact Lens writes each analysis to the instance's S3 bucket under a key that names the contact
 * and whether the file is redacted ("Output file locations for files analyzed by Contact Lens"):
 *   Analysis/Voice/2026/11/25/<contactId>_analysis_2026-11-25T01:35:16Z.json
 *   Analysis/Chat/Redacted/2026/11/25/<contactId>_analysis_redacted_2026-11-25T04:07:10Z.json
 * The body of a call's file may lack the contact id, so the delivery pipeline (an S3 notification
 * relayed by a Lambda, say) passes the key along and the contact id comes from there.
 */

export interface AnalysisObjectKey {
  contactId: string;
  redacted: boolean;
  /** When Contact Lens wrote the analysis (the key's timestamp). */
  analysedAt: string;
}

const FILE_NAME = /(?:^|\/)([^/]+?)_analysis_(redacted_)?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\.json$/;

/** The contact, redaction and time an output file's object key names; undefined if it is not such a key. */
export function parseAnalysisObjectKey(key: string): AnalysisObjectKey | undefined {
  const match = FILE_NAME.exec(safeDecode(key));
  if (!match || Number.isNaN(Date.parse(match[3]))) return undefined;
  return { contactId: match[1], redacted: match[2] !== undefined, analysedAt: new Date(match[3]).toISOString() };
}

/** S3 event notifications URL-encode keys (`:` as %3A, spaces as +). */
function safeDecode(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

const RECORDING_TIME = /_(\d{4})(\d{2})(\d{2})T(\d{2}):(\d{2})_UTC\.(?:wav|mp3|ogg)$/;

/**
 * When the call was recorded, to the minute, from the recording's S3 URI the file names
 * (`…/CallRecordings/2026/11/25/<contactId>_20261125T01:30_UTC.wav`): the contact's own time.
 */
export function recordingTimeOf(inputS3Uri: string | undefined): string | undefined {
  const match = inputS3Uri === undefined ? null : RECORDING_TIME.exec(safeDecode(inputS3Uri));
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match;
  const time = new Date(`${year}-${month}-${day}T${hour}:${minute}:00Z`);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
