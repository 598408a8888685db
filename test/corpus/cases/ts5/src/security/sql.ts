const REPORTING_TABLES = new Set(['daily_revenue', 'signups_by_week', 'plan_mix', 'churn_cohorts']);

export function assertSelectOnly(sql: string): void {
  if (!sql.trim().toUpperCase().startsWith('SELECT')) {
    throw new Error('only SELECT statements are allowed');
  }
}

/** Throws unless every table the statement reads from is a reporting table. */
export function assertAllowedTables(sql: string): void {
  const tables = [...sql.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_.]*)/gi)].map((m) => m[1].toLowerCase());
  if (tables.length === 0) {
    throw new Error('statement must read from a reporting table');
  }
  for (const table of tables) {
    if (!REPORTING_TABLES.has(table)) {
      throw new Error(`table not allowed: ${table}`);
    }
  }
}
