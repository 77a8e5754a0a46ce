export const ROLES = ['agent', 'supervisor', 'ops', 'security', 'admin'] as const;

export type Role = (typeof ROLES)[number];
