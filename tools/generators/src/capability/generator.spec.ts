import { readFileSync } from 'node:fs';
import path from 'node:path';
import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { handlerMethodFor, singular } from './capability-names';
import capabilityGenerator from './generator';
import { wireAppModule } from './wire-app-module';

const root = path.resolve(__dirname, '../../../..');
const APP_MODULE = 'services/dispatch/src/app.module.ts';
const NOW = 1796000000000;
const folder = 'services/dispatch/src/outages';

/** The generated capability's files, relative to its folder. */
const filesIn = (tree: Tree, dir: string): string[] =>
  tree.children(dir).flatMap((child) => (tree.isFile(`${dir}/${child}`) ? [child] : filesIn(tree, `${dir}/${child}`).map((f) => `${child}/${f}`))).sort();

describe('capability generator', () => {
  let tree: Tree;
  let info: jest.SpyInstance;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    // The real dispatch app.module.ts, so the wiring is tried on the layout services really have.
    tree.write(APP_MODULE, readFileSync(path.join(root, APP_MODULE), 'utf-8'));
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  /** A file of the tree, or '' when it was not generated (the expectations then fail on its content). */
  const text = (file: string): string => tree.read(file, 'utf-8') ?? '';

  it('lays out the capability as kpis is, with a migration, and no handler without --event', async () => {
    await capabilityGenerator(tree, { service: 'dispatch', name: 'outages' });
    expect(filesIn(tree, folder)).toEqual([
      'domain/outage.spec.ts',
      'domain/outage.ts',
      'outage-response.ts',
      'outage.entity.ts',
      'outage.repository.ts',
      'outages.controller.ts',
      'outages.module.ts',
      'use-cases/get-outage.ts',
      'use-cases/list-outages.ts',
    ]);
    const migration = text(`services/dispatch/src/database/migrations/${NOW}-create-outages.ts`);
    expect(migration).toContain(`export class CreateOutages${NOW} implements MigrationInterface`);
    expect(migration).toContain('CREATE TABLE dispatch.outages (');
    expect(migration).toContain('DROP TABLE dispatch.outages');
    expect(text(`${folder}/outages.module.ts`)).toContain('controllers: [OutagesController],');
    expect(text(`${folder}/outage.entity.ts`)).toContain("@Entity({ name: 'outages' })");
  });

  it('keeps domain/ free of framework and adapters: it imports only zod and its own folder', async () => {
    await capabilityGenerator(tree, { service: 'dispatch', name: 'outages', event: 'case.opened', queue: 'cases' });
    for (const file of ['domain/outage.ts', 'domain/outage.spec.ts']) {
      const imports = [...text(`${folder}/${file}`).matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.every((from) => from === 'zod' || from.startsWith('./'))).toBe(true);
    }
  });

  it('answers through a tenant-scoped, role-guarded controller documented by the zod response DTO', async () => {
    await capabilityGenerator(tree, { service: 'dispatch', name: 'outages' });
    const controller = text(`${folder}/outages.controller.ts`);
    expect(controller).toContain("@Controller('v1/outages')");
    expect(controller).toContain("@Roles('supervisor', 'ops', 'admin')");
    expect(controller).toContain("zodApiSchema(outagePageSchema, 'output', 'OutagePage')");
    expect(controller).toContain("parseParametersOr400('query', listOutagesQuery, query)");
    expect(controller.match(/principal\.tenantId/g)).toHaveLength(2);
    expect(text(`${folder}/outage-response.ts`)).toContain('nextCursor: z.string().nullable()');
  });

  it('with --event and --queue, adds the handler and its use case, on the subscribed queue', async () => {
    await capabilityGenerator(tree, { service: 'dispatch', name: 'outages', event: 'case.opened', queue: 'cases' });
    const handler = text(`${folder}/outages-events.handler.ts`);
    expect(handler).toContain("@OnEvent('case.opened', { queue: 'cases' })");
    expect(handler).toContain("async onCaseOpened(event: KnownCloudEvent<EventTypesMatching<'case.opened'>>, tx: EventTransaction)");
    expect(handler).toContain('await this.recordOutage.execute(tx.manager, event);');
    expect(tree.exists(`${folder}/use-cases/record-outage.ts`)).toBe(true);
    const module = text(`${folder}/outages.module.ts`);
    expect(module).toContain('controllers: [OutagesController, OutagesEventsHandler],');
    expect(module).toContain('providers: [OutageRepository, ListOutages, GetOutage, RecordOutage],');
    expect(text(`${folder}/domain/outage.spec.ts`)).toContain('outageFrom({ id:');
    expect(text(`${folder}/outage.repository.ts`)).toContain('.orIgnore()');
  });

  it('wires the module, entity and migration into app.module.ts', async () => {
    await capabilityGenerator(tree, { service: 'dispatch', name: 'outages' });
    const wired = text(APP_MODULE);
    expect(wired).toContain("import { OutagesModule } from './outages/outages.module';");
    expect(wired).toContain("import { OutageEntity } from './outages/outage.entity';");
    expect(wired).toContain(`import { CreateOutages${NOW} } from './database/migrations/${NOW}-create-outages';`);
    // Appended as the last member of each list, whatever dispatch's own lists hold today.
    expect(wired).toMatch(/entities: \[[^\]]*ServiceCaseEntity[^\]]*, OutageEntity\],/);
    expect(wired).toMatch(new RegExp(`migrations: \\[[^\\]]*CreateDispatchSchema[^\\]]*CreateOutages${NOW},?\\s*\\]`));
    expect(wired).toMatch(/CasesModule,[^\]]*\n {4}OutagesModule,\n {2}\],/);
    expect(info).toHaveBeenCalledWith(expect.stringContaining(`Wired ${APP_MODULE}`));
  });

  it('with --skipWiring, leaves app.module.ts alone and says what to add', async () => {
    const before = tree.read(APP_MODULE, 'utf-8');
    await capabilityGenerator(tree, { service: 'dispatch', name: 'outages', skipWiring: true });
    expect(text(APP_MODULE)).toBe(before);
    expect(info).toHaveBeenCalledWith(expect.stringContaining("import { OutageEntity } from './outages/outage.entity'; and add it to databaseOptions' entities"));
  });

  it('takes --record for a plural it cannot make singular', async () => {
    await capabilityGenerator(tree, { service: 'dispatch', name: 'sla-criteria', record: 'sla-criterion' });
    expect(tree.exists('services/dispatch/src/sla-criteria/sla-criterion.repository.ts')).toBe(true);
    expect(text('services/dispatch/src/sla-criteria/sla-criteria.module.ts')).toContain('export class SlaCriteriaModule {}');
    expect(text(`services/dispatch/src/database/migrations/${NOW}-create-sla-criteria.ts`)).toContain('dispatch.sla_criteria');
  });

  it.each([
    [{ name: 'outages', event: 'case.opened' }, /--event and --queue go together/],
    [{ name: 'outages', event: 'fault.reported', queue: 'outages' }, /dispatch has no queue dispatch.outages \(it has: [a-z, ]+\)\. Add \{ service: 'dispatch', purpose: 'outages', patterns: \['fault.reported'\] \}/],
    [{ name: 'outages', event: 'agent.status_changed', queue: 'cases' }, /dispatch.cases is bound to '[^']+'.*, not 'agent.status_changed'/],
    [{ name: 'Outages' }, /--name=Outages: use lowercase kebab-case/],
    [{ name: 'cases' }, /services\/dispatch\/src\/cases exists already/],
  ])('refuses %j, changing nothing', async (options, message) => {
    tree.write('services/dispatch/src/cases/cases.module.ts', '');
    await expect(capabilityGenerator(tree, { service: 'dispatch', ...options })).rejects.toThrow(message);
    expect(tree.listChanges().filter((change) => change.path.includes('outages') || change.path.includes('migrations'))).toEqual([]);
  });

  it('refuses a pattern the service already handles on another queue (Nest would chain it onto that queue)', async () => {
    tree.write('services/dispatch/src/cases/case-events.handler.ts', "@OnEvent('case.opened', { queue: 'cases' })\n");
    const standards = { service: 'dispatch', name: 'outages', event: 'standards.published', queue: 'standards' };
    tree.write('services/dispatch/src/other/other.handler.ts', "@OnEvent('standards.published', { queue: 'cases' })\n");
    await expect(capabilityGenerator(tree, standards)).rejects.toThrow(
      "services/dispatch/src/other/other.handler.ts already handles 'standards.published' on queue 'cases'",
    );
    // The same pattern on the same queue is one chain, run in one transaction: allowed.
    await capabilityGenerator(tree, { service: 'dispatch', name: 'outages', event: 'case.opened', queue: 'cases' });
    expect(tree.exists(`${folder}/outages-events.handler.ts`)).toBe(true);
  });

  it('refuses a service that has no app.module.ts', async () => {
    await expect(capabilityGenerator(tree, { service: 'quality', name: 'breaches' })).rejects.toThrow('services/quality/src/app.module.ts does not exist');
  });
});

describe('capability names', () => {
  it.each([
    ['outages', 'outage'],
    ['entries', 'entry'],
    ['breaches', 'breach'],
    ['sla-timers', 'sla-timer'],
    ['kpis', 'kpi'],
    ['audit', 'audit'],
    ['address', 'address'],
  ])('%s is one %s', (plural, one) => expect(singular(plural)).toBe(one));

  it.each([
    ['case.opened', 'onCaseOpened'],
    ['contact.*', 'onContactEvent'],
    ['#', 'onEvent'],
  ])('a handler for %s is %s', (pattern, method) => expect(handlerMethodFor(pattern)).toBe(method));
});

describe('app.module.ts wiring', () => {
  const wirings = [
    { symbol: 'AModule', from: './a/a.module', list: 'imports' as const },
    { symbol: 'AEntity', from: './a/a.entity', list: 'entities' as const },
  ];

  it('follows each array layout: empty, inline, one per line without a trailing comma', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('app.module.ts', "import { Module } from '@nestjs/common';\n\n@Module({\n  imports: [\n    B\n  ],\n  x: databaseOptions({ entities: [] }),\n})\nexport class AppModule {}\n");
    expect(wireAppModule(tree, 'app.module.ts', wirings)).toEqual([]);
    expect(tree.read('app.module.ts', 'utf-8')).toBe(
      "import { Module } from '@nestjs/common';\nimport { AModule } from './a/a.module';\nimport { AEntity } from './a/a.entity';\n\n" +
        '@Module({\n  imports: [\n    B,\n    AModule\n  ],\n  x: databaseOptions({ entities: [AEntity] }),\n})\nexport class AppModule {}\n',
    );
  });

  it("takes the @Module's own imports, not an imports option inside it", () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('app.module.ts', '@Module({ imports: [P.forRoot({ auth: { imports: [K] } }), B] })\nexport class AppModule {}\n');
    expect(wireAppModule(tree, 'app.module.ts', wirings)).toEqual([wirings[1]]);
    expect(tree.read('app.module.ts', 'utf-8')).toBe(
      "import { AModule } from './a/a.module';\n@Module({ imports: [P.forRoot({ auth: { imports: [K] } }), B, AModule] })\nexport class AppModule {}\n",
    );
  });

  it('leaves to the user what it cannot place exactly once', () => {
    const tree = createTreeWithEmptyWorkspace();
    const text = "@Module({ imports: [B] })\n@Module({ imports: [C] })\nexport class AppModule {}\n";
    tree.write('app.module.ts', text);
    expect(wireAppModule(tree, 'app.module.ts', wirings)).toEqual(wirings);
    expect(tree.read('app.module.ts', 'utf-8')).toBe(text);
  });
});
