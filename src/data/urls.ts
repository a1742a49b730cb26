// URL builders for every page, so links are made in one place (and respect the base path).
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

export const url = {
  home: () => base,
  periods: () => `${base}periods/`,
  period: (id: string) => `${base}periods/${id}/`,
  teamPeriod: (period: string, team: string) => `${base}periods/${period}/${team}/`,
  objective: (id: string) => `${base}objectives/${id}/`,
  kr: (uid: string) => `${base}objectives/${uid.split('.')[0]}/#kr-${uid.split('.')[1]}`,
  guides: () => `${base}guides/`,
  guide: (slug: string) => `${base}guides/${slug}/`,
  audit: () => `${base}audit/`,
  asset: (path: string) => `${base}${path.replace(/^\//, '')}`,
};
