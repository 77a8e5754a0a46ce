/** What a rule matches on: the facts of the case being routed. */
export interface CaseFacts {
  type: string;
  category: string | null;
  priority: string;
  region: string | null;
}

/** What an agent needs to take a case: every field given must be met; none given means anyone. */
export interface Requirement {
  team?: string;
  skills?: readonly string[];
  languages?: readonly string[];
  region?: string;
}

/** A routing rule: each `match` field given must equal the case's; the first matching rule decides. */
export interface RoutingRule {
  match: { caseType?: string; category?: string; priority?: string; region?: string };
  require: Requirement;
}

/** A case no rule matches may go to any available agent. */
export const ANYONE: Requirement = Object.freeze({});

export function matches(rule: RoutingRule, facts: CaseFacts): boolean {
  const { caseType, category, priority, region } = rule.match;
  return (
    (caseType === undefined || caseType === facts.type) &&
    (category === undefined || category === facts.category) &&
    (priority === undefined || priority === facts.priority) &&
    (region === undefined || region === facts.region)
  );
}

/** The requirement of the first rule, in the tenant's order, that matches the case; ANYONE if none does. */
export function requirementFor(rules: readonly RoutingRule[], facts: CaseFacts): Requirement {
  return rules.find((rule) => matches(rule, facts))?.require ?? ANYONE;
}
