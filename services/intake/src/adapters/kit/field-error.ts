/** What is wrong with a platform record: the platform's own field path ('' for the record itself), and why. */
export interface FieldError {
  /** The record's position when the delivery held several; absent for a single record. */
  index?: number;
  path: string;
  message: string;
}
