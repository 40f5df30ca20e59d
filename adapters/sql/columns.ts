// Names shared by both backends' schemas and the coverage queries: the projection's columns and the factor bits.

/** The coverage projection's domain columns, one per practice-model domain (0 absent, 1 second-hand, 2 his own account). */
export const COVERAGE_DOMAIN_COLUMNS = [
  'd_life_history', 'd_fatherhood_ideas', 'd_frustration_coping', 'd_substance_use',
  'd_parenting_knowledge', 'd_mental_health', 'd_relationship_safety', 'd_pressures',
] as const;

/** The combining factors as bits of coverage_facts.factors, in the practice model's order (a)–(f). */
export const COVERAGE_FACTOR_BITS = [
  'childhood_adversity', 'anger_frustration', 'substance_misuse', 'domestic_abuse', 'external_pressures', 'mental_ill_health',
] as const;

/** How a domain status is scored in the projection: his own account 2, second-hand 1, anything else 0 (records/coverage.ts statusOf reads it back). */
export const STATUS_SCORE = { covered: 2, secondhand: 1 } as const;

/** The SQL scoring one status expression, written once for both backends' triggers. */
export function statusScoreSql(status: string): string {
  return `CASE ${status} ${Object.entries(STATUS_SCORE).map(([s, n]) => `WHEN '${s}' THEN ${n}`).join(' ')} ELSE 0 END`;
}

/** The SQL turning one factor id expression into its bit of coverage_facts.factors, for both backends' triggers. */
export function factorBitSql(factor: string): string {
  return `CASE ${factor} ${COVERAGE_FACTOR_BITS.map((f, i) => `WHEN '${f}' THEN ${1 << i}`).join(' ')} ELSE 0 END`;
}

/** Every table Seen keeps, in an order that respects foreign keys (parents first). */
export const TABLES = [
  'users', 'cases', 'men', 'summaries', 'summary_versions', 'coverage_facts', 'coverage_months', 'supervision_discussions', 'action_items', 'audit_log', 'retention_gate',
  'bot_state', 'directline_conversations', 'directline_activities', 'settings', 'web_sessions', 'directline_tokens',
] as const;
