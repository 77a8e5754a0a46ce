import { zodApiSchema } from '@hotline/platform';
import { complaintSchema } from './complaint-response';

/** OpenAPI pieces the complaint controllers share. */
export const COMPLAINT = zodApiSchema(complaintSchema, 'output', 'Complaint');
export const COMPLAINT_NOT_FOUND = { status: 404, description: 'Your tenant has no such complaint' } as const;
