// @hotline/standards: the manual's standards as versioned data (MANUAL.md, DESIGN.md decision 7).
// Pure TypeScript: depends on nothing of ours and on no runtime library but zod.

export type {
  AppliedStandard,
  CountStandard,
  DeadlineStandard,
  PhraseLanguage,
  PhraseLists,
  PhrasesStandard,
  RatioStandard,
  Standard,
  StandardKind,
  StandardLayer,
  StandardReference,
} from './lib/standard';
export { standardLayers } from './lib/standard';
export {
  isStandardId,
  standardIds,
  standardKinds,
  type DeadlineStandardId,
  type StandardId,
  type StandardOf,
  type StandardsById,
} from './lib/standard-ids';
export { HOTLINE_DEFAULT, isFloor, manualChapter, sources, tenantStandard } from './lib/provenance';
export { DAY, HOUR, MINUTE, SECOND, formatDuration } from './lib/duration';
export { formatRatio } from './lib/ratio';
export * from './lib/etiquette-phrases';
export { MAX_STANDARD_VERSION_LENGTH, tenantSetVersion, type StandardSet } from './lib/standard-set';
export { builtInStandards } from './lib/built-in-standards';
export {
  InvalidStandardOverridesError,
  MAX_DEADLINE_SECONDS,
  TENANT_VERSION_PATTERN,
  parseStandardOverrides,
  standardOverridesSchema,
  type CountOverride,
  type DeadlineOverride,
  type OverrideIssue,
  type PhrasesOverride,
  type RatioOverride,
  type StandardOverride,
  type StandardOverrides,
} from './lib/standard-overrides';
export { applyOverrides } from './lib/apply-overrides';
export { ResolvedStandards } from './lib/resolved-standards';
export { NoStandardsInForceError, StandardsCatalog, type StandardsCatalogOptions } from './lib/standards-catalog';
export { deadlineFrom } from './lib/deadline-from';
export {
  MAX_ETIQUETTE_POINTS,
  etiquetteRules,
  etiquetteStandardIds,
  isEtiquetteStandardId,
  type EtiquetteRule,
  type EtiquetteRuleSet,
  type EtiquetteStandardId,
  type EtiquetteWeight,
  type EtiquetteWeights,
} from './lib/etiquette-rules';
