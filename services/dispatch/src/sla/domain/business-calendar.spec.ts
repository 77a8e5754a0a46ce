import { ALWAYS_OPEN, BusinessCalendar, InvalidBusinessCalendarError, type BusinessCalendarDefinition } from './business-calendar';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string): Date => new Date(iso);

const officeDay = [
  { from: '09:00', to: '12:00' },
  { from: '13:00', to: '18:00' },
];
const shanghai = BusinessCalendar.of({
  timeZone: 'Asia/Shanghai',
  weeklyHours: { monday: officeDay, tuesday: officeDay, wednesday: officeDay, thursday: officeDay, friday: officeDay },
  // National Day 2026: Oct 1–7 off, worked back on Sunday Sep 27 and Saturday Oct 10.
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpDays: [
    { date: '2026-09-27', workAs: 'monday' },
    { date: '2026-10-10', workAs: 'friday' },
  ],
});

const nineToFive = [{ from: '09:00', to: '17:00' }];
const london = BusinessCalendar.of({
  timeZone: 'Europe/London',
  weeklyHours: { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive },
});

describe('ALWAYS_OPEN (the 24/7 calendar)', () => {
  it('counts every millisecond', () => {
    expect(ALWAYS_OPEN.addBusinessTime(at('2026-03-28T23:00:00Z'), 2 * HOUR)).toEqual(at('2026-03-29T01:00:00Z'));
    expect(ALWAYS_OPEN.businessTimeBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T01:00:00Z'))).toBe(2 * HOUR);
    expect(ALWAYS_OPEN.businessTimeBetween(at('2026-03-29T01:00:00Z'), at('2026-03-28T23:00:00Z'))).toBe(0);
  });
});

describe('BusinessCalendar in a zone without DST (Asia/Shanghai, UTC+8)', () => {
  it.each([
    ['waits for the morning when started before hours', '2026-03-30T07:00:00+08:00', 30 * MINUTE, '2026-03-30T09:30:00+08:00'],
    ['skips the lunch break', '2026-03-30T11:30:00+08:00', HOUR, '2026-03-30T13:30:00+08:00'],
    ['ends at the close when the budget ends exactly there', '2026-03-30T17:00:00+08:00', HOUR, '2026-03-30T18:00:00+08:00'],
    ['carries Friday evening over the weekend', '2026-03-27T17:00:00+08:00', 2 * HOUR, '2026-03-30T10:00:00+08:00'],
    ['counts a full working week as 40 h', '2026-03-30T09:00:00+08:00', 40 * HOUR, '2026-04-03T18:00:00+08:00'],
    ['works a make-up Sunday (调休) with Monday hours', '2026-09-25T17:00:00+08:00', 2 * HOUR, '2026-09-27T10:00:00+08:00'],
    ['skips the National Day holidays', '2026-09-30T17:00:00+08:00', 2 * HOUR, '2026-10-08T10:00:00+08:00'],
    ['returns the start itself for no time, even outside hours', '2026-03-28T03:00:00+08:00', 0, '2026-03-28T03:00:00+08:00'],
  ])('%s', (_name, start, ms, due) => {
    expect(shanghai.addBusinessTime(at(start), ms)).toEqual(at(due));
    if (ms > 0) expect(shanghai.businessTimeBetween(at(start), at(due))).toBe(ms);
  });

  it('measures working time between two instants, holidays and make-up days included', () => {
    expect(shanghai.businessTimeBetween(at('2026-03-27T00:00:00+08:00'), at('2026-03-31T00:00:00+08:00'))).toBe(16 * HOUR);
    // Worked: the make-up Sunday Sep 27, Sep 28–30, Oct 8–9 and the make-up Saturday Oct 10; not Oct 1–7.
    expect(shanghai.businessTimeBetween(at('2026-09-26T00:00:00+08:00'), at('2026-10-11T00:00:00+08:00'))).toBe(7 * 8 * HOUR);
    expect(shanghai.businessTimeBetween(at('2026-10-02T10:00:00+08:00'), at('2026-10-02T11:00:00+08:00'))).toBe(0);
  });

  it('knows whether an instant is inside working hours', () => {
    expect(shanghai.isWorking(at('2026-03-30T09:00:00+08:00'))).toBe(true);
    expect(shanghai.isWorking(at('2026-03-30T12:30:00+08:00'))).toBe(false);
    expect(shanghai.isWorking(at('2026-03-30T18:00:00+08:00'))).toBe(false);
    expect(shanghai.isWorking(at('2026-10-10T10:00:00+08:00'))).toBe(true);
  });

  it('refuses a negative or infinite duration', () => {
    expect(() => shanghai.addBusinessTime(at('2026-03-30T09:00:00Z'), -1)).toThrow(RangeError);
    expect(() => shanghai.addBusinessTime(at('2026-03-30T09:00:00Z'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('BusinessCalendar across DST switches (Europe/London)', () => {
  it('keeps local office hours when the clocks go forward (Sunday 29 March 2026)', () => {
    // Friday 16:00 GMT + 2 h: one hour on Friday, one on Monday from 09:00 BST (08:00 UTC).
    expect(london.addBusinessTime(at('2026-03-27T16:00:00Z'), 2 * HOUR)).toEqual(at('2026-03-30T09:00:00Z'));
    expect(london.businessTimeBetween(at('2026-03-27T09:00:00Z'), at('2026-03-30T16:00:00Z'))).toBe(16 * HOUR);
  });

  it('keeps local office hours when the clocks go back (Sunday 25 October 2026)', () => {
    // Friday 16:00 BST (15:00 UTC) + 2 h: Monday 10:00 GMT.
    expect(london.addBusinessTime(at('2026-10-23T15:00:00Z'), 2 * HOUR)).toEqual(at('2026-10-26T10:00:00Z'));
  });

  it('counts a round-the-clock day by its real length: 23 h going forward, 25 h going back', () => {
    const allDay = [{ from: '00:00', to: '24:00' }];
    const roundTheClock = BusinessCalendar.of({ timeZone: 'Europe/London', weeklyHours: { sunday: allDay } });
    expect(roundTheClock.businessTimeBetween(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(23 * HOUR);
    expect(roundTheClock.businessTimeBetween(at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'))).toBe(25 * HOUR);
    expect(roundTheClock.addBusinessTime(at('2026-03-29T00:30:00Z'), HOUR)).toEqual(at('2026-03-29T01:30:00Z'));
  });

  it('starts hours set inside the repeated hour at its first occurrence', () => {
    const earlyShift = BusinessCalendar.of({ timeZone: 'Europe/London', weeklyHours: { sunday: [{ from: '01:30', to: '03:00' }] } });
    // On 25 October 01:30 happens twice; the shift starts at 01:30 BST (00:30 UTC) and ends at 03:00 GMT.
    expect(earlyShift.businessTimeBetween(at('2026-10-25T00:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(2.5 * HOUR);
    expect(earlyShift.addBusinessTime(at('2026-10-25T00:00:00Z'), 1)).toEqual(at('2026-10-25T00:30:00.001Z'));
  });

  it('starts hours set inside the skipped hour at the first real instant after it', () => {
    const earlyShift = BusinessCalendar.of({ timeZone: 'Europe/London', weeklyHours: { sunday: [{ from: '01:30', to: '03:00' }] } });
    // 01:30 does not exist on 29 March; 03:00 BST is 02:00 UTC, so the shift is 30 min long.
    expect(earlyShift.businessTimeBetween(at('2026-03-29T00:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(30 * MINUTE);
  });
});

describe('BusinessCalendar validation', () => {
  const issuesOf = (definition: BusinessCalendarDefinition) => {
    try {
      BusinessCalendar.of(definition);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidBusinessCalendarError);
      return (error as InvalidBusinessCalendarError).issues;
    }
    throw new Error('expected the calendar to be refused');
  };

  it('refuses a calendar with no working hours, naming weeklyHours', () => {
    expect(issuesOf({ timeZone: 'Asia/Shanghai', weeklyHours: {} })).toEqual([
      { path: 'weeklyHours', message: 'a calendar needs working hours on at least one weekday' },
    ]);
    expect(issuesOf({ timeZone: 'Asia/Shanghai', weeklyHours: { monday: [] } }).map((issue) => issue.path)).toEqual(['weeklyHours']);
  });

  it('names every bad field at once', () => {
    const issues = issuesOf({
      timeZone: 'Mars/Olympus_Mons',
      weeklyHours: {
        monday: [{ from: '09:00', to: '08:00' }],
        tuesday: [{ from: '25:00', to: '26:00' }],
        wednesday: [
          { from: '09:00', to: '12:00' },
          { from: '11:00', to: '13:00' },
        ],
      },
      holidays: ['2026-02-30', '2026-10-01'],
      makeUpDays: [
        { date: '2026-10-01', workAs: 'monday' },
        { date: '2026-10-10', workAs: 'saturday' },
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'timeZone',
      'weeklyHours.monday[0]',
      'weeklyHours.tuesday[0].from',
      'weeklyHours.tuesday[0].to',
      'weeklyHours.wednesday',
      'holidays[0]',
      'makeUpDays[0].date',
      'makeUpDays[1].workAs',
    ]);
  });

  it('reports, rather than throws on, a definition that is not the right shape (it may come from JSON)', () => {
    const junk = JSON.parse('{"timeZone":"UTC","weeklyHours":{"monday":[null,{"from":9,"to":"17:00"}]},"holidays":"2026-10-01","makeUpDays":[null]}');
    expect(issuesOf(junk).map((issue) => issue.path)).toEqual([
      'weeklyHours.monday[0].from',
      'weeklyHours.monday[0].to',
      'weeklyHours.monday[1].from',
      'weeklyHours',
      'holidays',
      'makeUpDays[0].date',
    ]);
    expect(issuesOf(JSON.parse('{"timeZone":"UTC","weeklyHours":"9-5"}')).map((issue) => issue.path)).toEqual(['weeklyHours']);
  });

  it('accepts 24:00 as the end of a day and nothing after it', () => {
    expect(() => BusinessCalendar.of({ timeZone: 'UTC', weeklyHours: { monday: [{ from: '18:00', to: '24:00' }] } })).not.toThrow();
    expect(() => BusinessCalendar.of({ timeZone: 'UTC', weeklyHours: { monday: [{ from: '18:00', to: '24:30' }] } })).toThrow(
      InvalidBusinessCalendarError,
    );
  });
});
