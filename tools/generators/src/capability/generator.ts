import path from 'node:path';
import { generateFiles, joinPathFragments, logger, type Tree } from '@nx/devkit';
import { capabilityNames, type CapabilityNames, type CapabilityOptions } from './capability-names';
import { checkHandledPattern } from './check-handled-pattern';
import { checkSubscription } from './check-subscription';
import { type Wiring, wireAppModule } from './wire-app-module';

/**
 * `npx nx g @hotline/generators:capability --service=dispatch --name=outages [--event=case.opened
 * --queue=cases]`: a capability folder laid out as services/quality/src/kpis is (domain rules and
 * their spec, entity, repository, use cases, controller with its zod response DTO, optional event
 * handler, module), its migration, and the three lines of app.module.ts that wire them.
 */
export default async function capabilityGenerator(tree: Tree, options: CapabilityOptions): Promise<void> {
  const serviceRoot = `services/${options.service}/src`;
  const appModule = `${serviceRoot}/app.module.ts`;
  if (!tree.exists(appModule)) throw new Error(`--service=${options.service}: ${appModule} does not exist`);
  checkSubscription(options.service, options.event, options.queue);
  checkHandledPattern(tree, serviceRoot, options.event, options.queue);
  const n = capabilityNames(options, Date.now());
  const folder = `${serviceRoot}/${n.name}`;
  if (tree.exists(folder)) throw new Error(`${folder} exists already; choose another --name`);

  const substitutions = { ...n, tmpl: '' };
  generateFiles(tree, path.join(__dirname, 'files'), folder, substitutions);
  if (n.event) generateFiles(tree, path.join(__dirname, 'event-files'), folder, substitutions);
  const migrations = `${serviceRoot}/database/migrations`;
  generateFiles(tree, path.join(__dirname, 'migration-files'), migrations, substitutions);

  const wirings = wiringsOf(n);
  const left = options.skipWiring ? wirings : wireAppModule(tree, appModule, wirings);
  if (left.length === wirings.length) logger.info(`Left to do in ${appModule}:\n${left.map(describe).join('\n')}`);
  else if (left.length > 0) logger.warn(`Wired ${appModule} in part; add by hand:\n${left.map(describe).join('\n')}`);
  else logger.info(`Wired ${appModule}: ${wirings.map((wiring) => wiring.symbol).join(', ')}.`);
  logger.info(`Next: replace the placeholder fields (id, occurredAt) in ${joinPathFragments(folder, 'domain', `${n.record}.ts`)}, the entity and the migration.`);
}

function wiringsOf(n: CapabilityNames): Wiring[] {
  return [
    { symbol: `${n.Name}Module`, from: `./${n.name}/${n.name}.module`, list: 'imports' },
    { symbol: `${n.Record}Entity`, from: `./${n.name}/${n.record}.entity`, list: 'entities' },
    { symbol: n.migrationClass, from: `./database/migrations/${n.timestamp}-create-${n.name}`, list: 'migrations' },
  ];
}

function describe({ symbol, from, list }: Wiring): string {
  const where = list === 'imports' ? "the @Module's imports" : `databaseOptions' ${list} (or the list it is given)`;
  return `  - import { ${symbol} } from '${from}'; and add it to ${where}`;
}
