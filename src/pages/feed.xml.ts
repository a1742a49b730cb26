// /feed.xml: an Atom feed of check-ins and the grade changes they bring.
import type { APIRoute } from 'astro';
import { site } from '../data/handbook.ts';
import { url } from '../data/urls.ts';
import { atomFeed, feedEntries } from '../lib/feed.ts';

export const GET: APIRoute = ({ site: siteUrl }) => {
  const s = site();
  const body = atomFeed(feedEntries(s.h, url.kr), {
    title: `${s.h.model.org.name} OKR check-ins`,
    site: siteUrl?.href ?? 'https://handbook.example.com/',
    self: url.asset('feed.xml'),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
