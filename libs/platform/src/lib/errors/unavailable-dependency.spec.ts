import { problemForUnavailableDependency } from './unavailable-dependency';

describe('problemForUnavailableDependency', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down (57P01)', { message: 'terminating connection', code: '57P01' }],
    ['a TypeORM error around a connection failure', { message: 'query failed', driverError: { code: '08006' } }],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
  ])('is a 503 for %s', (_, error) => {
    expect(problemForUnavailableDependency(error)).toMatchObject({ status: 503 });
  });

  it.each([
    ['a constraint violation', { code: '23505', message: 'duplicate key' }],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('is nothing for %s', (_, error) => {
    expect(problemForUnavailableDependency(error)).toBeUndefined();
  });
});
