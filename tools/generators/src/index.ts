export { default as capabilityGenerator } from './capability/generator';
export type { CapabilityOptions } from './capability/capability-names';
