/** Why a webhook URL is refused, or undefined when it is an absolute http(s) URL. */
export function webhookUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `uses ${parsed.protocol.replace(/:$/, '')}: only http and https URLs take webhooks`;
  if (parsed.hostname === '') return 'has no host';
  return undefined;
}
