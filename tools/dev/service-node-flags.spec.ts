import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A service runs with the same node flags wherever it runs. npm start and the benchmarks read
 * service-node-flags.json; a Dockerfile cannot, so its CMD is held to the file here.
 */
const root = path.resolve(__dirname, '../..');
const flags = JSON.parse(readFileSync(path.join(__dirname, 'service-node-flags.json'), 'utf8')) as Record<string, string[] | string>;
const services = Object.keys(flags).filter((key) => !key.startsWith('$'));

describe('service node flags', () => {
  it('names every service', () => {
    expect(services.sort()).toEqual(['dispatch', 'intake', 'quality', 'security']);
  });

  it.each(services)("%s's Dockerfile runs node with its flags", (service) => {
    const dockerfile = readFileSync(path.join(root, 'services', service, 'Dockerfile'), 'utf8');
    const cmd = dockerfile.split('\n').find((line) => line.startsWith('CMD '));
    expect(JSON.parse((cmd as string).slice('CMD '.length))).toEqual(['node', ...(flags[service] as string[]), 'main.js']);
  });
});
