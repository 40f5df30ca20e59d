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

/** Every table Seen keeps, in an order that respects foreign keys (parents first). */
export const TABLES = [
  'users', 'cases', 'men', 'summaries', 'summary_versions', 'coverage_facts', 'supervision_discussions', 'audit_log', 'retention_gate',
  'bot_state', 'directline_conversations', 'directline_activities', 'settings', 'web_sessions', 'directline_tokens',
] as const;
