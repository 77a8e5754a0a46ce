import { isRefusedData, refusedDataProblem } from './refused-data-problem';

describe('refused data', () => {
  it('recognises PostgreSQL data exceptions, not outages or bugs', () => {
    for (const code of ['22P05', '22021', '22P02', '22007', '22008', '54000', '54001']) expect(isRefusedData({ code })).toBe(true);
    for (const code of ['08006', '57P01', '42P01', '40P01', '53300', 'ECONNREFUSED', undefined]) expect(isRefusedData({ code })).toBe(false);
    expect(isRefusedData(undefined)).toBe(false);
  });

  it('answers 400 naming what PostgreSQL refused', () => {
    const problem = refusedDataProblem({ code: '22P05', message: 'unsupported Unicode escape sequence', detail: '\\u0000 cannot be converted to text.' }).problem;
    expect(problem).toMatchObject({ status: 400, title: 'Event could not be stored' });
    expect(problem.detail).toBe(
      'The event could not be stored: unsupported Unicode escape sequence: \\u0000 cannot be converted to text. Nothing from this request was kept.',
    );
  });

  it('names the refused event when it is known', () => {
    const problem = refusedDataProblem({ code: '22P02', message: 'invalid input syntax for type json' }, { id: 'e-7', source: '/pbx' }).problem;
    expect(problem.detail).toBe("The event 'e-7' from source '/pbx' could not be stored: invalid input syntax for type json. Nothing from this request was kept.");
  });
});
