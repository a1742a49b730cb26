// Word lists and key-result templates for the synthetic handbook (scripts/bench/generate.ts).
// Plain data: the generator picks from these with its seeded random numbers.

export const DEPARTMENTS = [
  'Engineering',
  'Product',
  'Sales',
  'Marketing',
  'Customer Success',
  'Finance',
  'Operations',
  'People',
  'Design',
  'Data',
  'Security',
  'Legal',
] as const;

export const AREAS = [
  'Payments',
  'Identity',
  'Search',
  'Growth',
  'Billing',
  'Mobile',
  'Data Platform',
  'Onboarding',
  'Infrastructure',
  'Analytics',
  'Marketplace',
  'Partnerships',
  'Developer Experience',
  'Reliability',
  'Checkout',
  'Notifications',
  'Enterprise Accounts',
  'Self-Serve',
  'Integrations',
  'Pricing',
  'Localization',
  'Compliance',
  'Observability',
  'Design Systems',
] as const;

export const TEAM_SUFFIXES = ['Team', 'Squad', 'Core', 'Platform'] as const;

export const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chioma',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Maya',
  'Nikolai',
  'Olu',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tamar',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Arjun',
  'Beatriz',
  'Chen',
  'Dalia',
] as const;

export const LAST_NAMES = [
  'Silva',
  'Okafor',
  'Novak',
  'Tanaka',
  'Haddad',
  'Müller',
  'García',
  'Kowalski',
  'Nguyen',
  'Rossi',
  'Andersen',
  'Patel',
  'Dubois',
  'Kim',
  'Mensah',
  'Ivanova',
  'Costa',
  'Larsen',
  'Ahmed',
  'Schmidt',
  'Moreau',
  'Yilmaz',
  'Fischer',
  'Santos',
  'Berg',
  'Lopez',
  'Sato',
  'Walsh',
  'Ortiz',
  'Virtanen',
] as const;

export const ROLES = ['Engineering Manager', 'Product Manager', 'Staff Engineer', 'Designer', 'Analyst', 'Programme Manager'] as const;

/** Objective topics: the slug goes into the objective id, the phrase into its title. */
export const TOPICS = [
  ['reliability', 'Make the platform boringly reliable'],
  ['activation', 'Get new customers to value in their first week'],
  ['enterprise', 'Win and keep enterprise customers'],
  ['efficiency', 'Run leaner without slowing down'],
  ['quality', 'Raise the quality bar on everything we ship'],
  ['expansion', 'Grow revenue from existing accounts'],
  ['trust', 'Earn trust with security and transparency'],
  ['speed', 'Ship faster with smaller, safer changes'],
  ['retention', 'Keep the customers we already have'],
  ['pipeline', 'Build a predictable pipeline'],
  ['insight', 'Decide with data, not anecdotes'],
  ['ecosystem', 'Grow the partner and integration ecosystem'],
  ['talent', 'Hire and grow a team that can scale'],
  ['simplicity', 'Remove complexity customers should never see'],
  ['international', 'Serve customers well in every region'],
  ['cost', 'Make unit economics a product feature'],
] as const;

export const QUALIFIERS = [
  'for enterprise admins',
  'across every region',
  'without adding headcount',
  'for self-serve customers',
  'in the mobile apps',
  'for our largest accounts',
  'before the annual renewal wave',
  'end to end',
] as const;

export const THEMES = [
  'Revenue Engine',
  'Trust at Scale',
  'Operational Excellence',
  'Platform Leverage',
  'Customer Obsession',
  'Focus and Simplicity',
  'Global Reach',
  'Efficient Growth',
] as const;

/** Numeric metric templates: [noun, unit, low, high, decimals]. Values start between low and high. */
export type MetricTemplate = readonly [string, string, number, number, number];

export const INCREASE: readonly MetricTemplate[] = [
  ['weekly active users', 'users', 5000, 60000, 0],
  ['annual recurring revenue', '$M', 2, 40, 1],
  ['qualified pipeline', '$k', 200, 2500, 0],
  ['net promoter score', 'points', 10, 45, 0],
  ['power users (5+ sessions a week)', 'users', 800, 6000, 0],
  ['monthly API calls', 'M calls', 5, 120, 1],
  ['deploys per engineer per week', 'deploys', 1, 6, 1],
];

export const PERCENT: readonly MetricTemplate[] = [
  ['activation within 7 days', '%', 20, 60, 0],
  ['trial-to-paid conversion', '%', 4, 18, 1],
  ['automated test coverage', '%', 40, 75, 0],
  ['self-serve share of new revenue', '%', 10, 45, 0],
  ['gross revenue retention', '%', 82, 96, 0],
  ['tickets resolved on first contact', '%', 35, 70, 0],
];

export const DECREASE: readonly MetricTemplate[] = [
  ['p95 API latency', 'ms', 250, 900, 0],
  ['monthly logo churn', '%', 1.5, 6, 1],
  ['median time to resolve a ticket', 'hours', 6, 48, 0],
  ['cloud cost per active customer', '$', 8, 40, 2],
  ['open P1 bugs', 'bugs', 12, 80, 0],
  ['time to first value', 'days', 5, 21, 0],
];

export const COUNTS = [
  ['enterprise deals closed', 'deals'],
  ['integrations launched', 'integrations'],
  ['customer interviews run', 'interviews'],
  ['regions live', 'regions'],
  ['partners certified', 'partners'],
  ['case studies published', 'case studies'],
] as const;

/** Threshold templates: [noun, unit, operator, target, start, decimals]. */
export const THRESHOLDS = [
  ['Uptime of the customer-facing API', '%', '>=', 99.9, 99.5, 2],
  ['Error budget burn', '% of budget', '<=', 80, 130, 0],
  ['Support CSAT', '/5', '≥', 4.5, 4.1, 1],
  ['p99 checkout latency', 'ms', '<', 800, 1400, 0],
  ['Invoice accuracy', '%', '>', 98, 94, 1],
  ['Security findings older than 30 days', 'findings', '≤', 5, 23, 0],
] as const;

export const MILESTONES = [
  ['Launch SSO (SAML and OIDC) for enterprise workspaces', 'GA'],
  ['Ship the new billing engine', 'Shipped'],
  ['Migrate search to the new cluster', 'Migrated'],
  ['Publish the public API v2', 'Published'],
  ['Complete the SOC 2 Type II audit', 'Certified'],
  ['Roll out the redesigned onboarding flow', 'Shipped'],
  ['Open the second data region', 'Live'],
  ['Retire the legacy reporting service', 'Retired'],
] as const;

export const MILESTONE_STAGES = ['Scoping', 'Design review', 'In development', 'In QA', 'Beta'] as const;

export const MANUAL = [
  'Make design reviews a habit every team relies on',
  'Leave every on-call rotation better documented than we found it',
  'Build a hiring loop candidates recommend to friends',
  'Turn the quarterly business review into a decision meeting',
] as const;

export const REDACTED = [
  ['Reach {n} in new logo ARR', 'new logo ARR'],
  ['Land {n} strategic accounts', 'strategic accounts'],
  ['Keep gross margin above {n}', 'gross margin'],
  ['Grow partner-sourced pipeline to {n}', 'partner-sourced pipeline'],
] as const;

export const NOTES = [
  'Two large customers moved their rollout to next month.',
  'The experiment shipped to 50% of traffic; early signal is positive.',
  'Hiring for the second engineer slipped, so scope was cut.',
  'Seasonal dip as expected; the trend is recovering.',
  'Ahead of plan after the pricing page change.',
  'Blocked on the vendor contract for two weeks.',
  'Instrumentation fixed: earlier numbers were under-counted by ~5%.',
  'Moved the launch behind the security review.',
] as const;

export const BLOCKERS = [
  'Legal review of the data processing agreement',
  'Waiting on platform capacity for the migration',
  'Vendor API rate limits',
  'Two open roles on the team',
] as const;

export const ASKS = [
  'A decision on the pricing tiers by Friday',
  'One more SRE for the cut-over week',
  'Marketing support for the launch',
  'Access to the production analytics workspace',
] as const;

export const DECISIONS = [
  'Dropped the desktop client from scope',
  'Moved the launch to the next sprint',
  'Agreed to pilot with two customers first',
] as const;

export const RISKS = [
  'Key engineer on leave during the launch window',
  'A competitor launches a similar feature first',
  'Data migration takes longer than planned',
  'Enterprise procurement cycles slip into next quarter',
] as const;

export const MITIGATIONS = [
  'Pair a second engineer on the critical path',
  'Stage the rollout by region',
  'Agree a fallback scope in advance',
] as const;

export const INITIATIVES = [
  'Guided onboarding checklist',
  'Usage-based pricing experiment',
  'Multi-region failover drills',
  'Partner certification programme',
  'Self-serve data export',
  'Quarterly customer advisory board',
  'Weekly reliability review',
  'Sales playbook refresh',
] as const;

export const SENTENCES = [
  'This matters because our largest customers told us it is the first thing they check.',
  'We will measure it every week and review the trend at the mid-quarter check-in.',
  'Success means customers notice the difference without being told about it.',
  'It builds on last quarter’s work and finishes what we started there.',
  'The work is shared with two partner teams; dependencies are listed below.',
  'We chose this over three other candidates because it has the clearest path to revenue.',
] as const;
