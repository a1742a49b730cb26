// The site's URL builders (src/lib/urls.ts) for its base path.
import { makeUrls } from '../lib/urls.ts';

export const url = makeUrls(import.meta.env.BASE_URL);
