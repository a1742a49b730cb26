// URL builders for every page, so links are made in one place and respect the base path. Pure: the
// site passes its base (src/data/urls.ts); view models (./views) take the result as a parameter.
export function makeUrls(baseUrl: string) {
  const base = baseUrl.replace(/\/?$/, '/');
  return {
    home: () => base,
    periods: () => `${base}periods/`,
    period: (id: string) => `${base}periods/${id}/`,
    review: (period: string) => `${base}periods/${period}/review/`,
    alignment: (period: string) => `${base}periods/${period}/alignment/`,
    teamPeriod: (period: string, team: string) => `${base}periods/${period}/${team}/`,
    teams: () => `${base}teams/`,
    team: (id: string) => `${base}teams/${id}/`,
    objective: (id: string) => `${base}objectives/${id}/`,
    kr: (uid: string) => `${base}objectives/${uid.split('.')[0]}/#kr-${uid.split('.')[1]}`,
    owners: () => `${base}owners/`,
    owner: (id: string) => `${base}owners/${id}/`,
    kpis: () => `${base}kpis/`,
    kpi: (id: string) => `${base}kpis/#kpi-${id}`,
    plan: (year: string) => `${base}plan/${year}/`,
    guides: () => `${base}guides/`,
    guide: (slug: string) => `${base}guides/${slug}/`,
    audit: () => `${base}audit/`,
    trust: () => `${base}trust/`,
    snapshot: (period: string, version: string) => `${base}trust/${period}/${version}/`,
    trustFile: (path: string) => `${base}trust/${path}`,
    search: (q?: string) => `${base}search/${q ? `?q=${encodeURIComponent(q)}` : ''}`,
    asset: (path: string) => `${base}${path.replace(/^\//, '')}`,
  };
}

export type Urls = ReturnType<typeof makeUrls>;
