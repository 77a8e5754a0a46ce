// @hotline/csv: the RFC 4180 writer of the services' CSV exports (quality's compliance report,
// dispatch's complaint history). Pure TypeScript: depends on nothing, so domain code may use it.

export { csvField, toCsv, type CsvCell } from './lib/csv';
