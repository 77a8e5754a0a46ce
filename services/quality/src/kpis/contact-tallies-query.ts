import { z } from 'zod';

/** A calendar day that exists: `2026-02-30` matches the pattern but PostgreSQL refuses it as a date (a 500). */
const utcDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Expected a UTC day, YYYY-MM-DD', abort: true })
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'No such day in the calendar');

/** `GET /v1/kpis/contact-tallies?day=YYYY-MM-DD`. */
export const contactTalliesQuery = z.object({ day: utcDay });
