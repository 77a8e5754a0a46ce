import { names } from '@nx/devkit';

/** What the generator is asked for (schema.json). */
export interface CapabilityOptions {
  service: string;
  name: string;
  record?: string;
  event?: string;
  queue?: string;
  skipWiring?: boolean;
}

/** Every spelling the templates use, from the capability's name (plural) and its record's (singular). */
export interface CapabilityNames {
  service: string;
  /** kebab-case, plural: the folder, the route and the module file (`sla-timers`). */
  name: string;
  Name: string;
  nameVar: string;
  nameWords: string;
  /** kebab-case, singular: the domain type, entity, repository and response files (`sla-timer`). */
  record: string;
  Record: string;
  recordVar: string;
  words: string;
  table: string;
  event: string;
  queue: string;
  handlerMethod: string;
  timestamp: number;
  migrationClass: string;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** English plural to singular for the usual endings (`outages`, `entries`, `breaches`); `--record` covers the rest. */
export function singular(plural: string): string {
  if (/ies$/.test(plural)) return plural.replace(/ies$/, 'y');
  if (/(ss|sh|ch|x|z)es$/.test(plural)) return plural.slice(0, -2);
  if (/[^s]s$/.test(plural)) return plural.slice(0, -1);
  return plural;
}

/** `case.opened` → `onCaseOpened`, `contact.*` → `onContactEvent`, `#` → `onEvent`. */
export function handlerMethodFor(pattern: string): string {
  const words = pattern.split('.').filter((word) => word !== '*' && word !== '#');
  const suffix = pattern.endsWith('*') || words.length === 0 ? 'Event' : '';
  return `on${words.map((word) => names(word).className).join('')}${suffix}`;
}

export function capabilityNames(options: CapabilityOptions, timestamp: number): CapabilityNames {
  const record = options.record ?? singular(options.name);
  for (const [option, value] of [['name', options.name], ['record', record]] as const) {
    if (!KEBAB.test(value)) throw new Error(`--${option}=${value}: use lowercase kebab-case, e.g. outages or sla-timers`);
  }
  const name = names(options.name);
  const one = names(record);
  return {
    service: options.service,
    name: name.fileName,
    Name: name.className,
    nameVar: name.propertyName,
    nameWords: options.name.replace(/-/g, ' '),
    record: one.fileName,
    Record: one.className,
    recordVar: one.propertyName,
    words: record.replace(/-/g, ' '),
    table: options.name.replace(/-/g, '_'),
    event: options.event ?? '',
    queue: options.queue ?? '',
    handlerMethod: options.event ? handlerMethodFor(options.event) : '',
    timestamp,
    migrationClass: `Create${name.className}${timestamp}`,
  };
}
