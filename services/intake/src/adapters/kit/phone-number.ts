/** What a platform's caller/called field must look like to be a customer's phone number (not a SIP URI, not a name). */
const PHONE_NUMBER = /^\+?\d[\d\s().-]{4,30}$/;

/** The phone number in a platform's address field (`tel:` prefix dropped), or undefined when it holds none. */
export function phoneNumberOf(address: string | undefined): string | undefined {
  const phone = address?.trim().replace(/^tel:/i, '');
  return phone && PHONE_NUMBER.test(phone) ? phone : undefined;
}
