import type { FieldIssue } from './tenant-calendar';

/** A calendar or policy setting refused as a whole (the API answers 422 naming each field). */
export class InvalidSetting extends Error {
  constructor(
    readonly title: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super(`${title}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidSetting';
  }
}
