// The export, computed once per build: /api/handbook.json and every /api/periods/<id>.json read it.
import { exportHandbook, type HandbookExport } from '../lib/export.ts';
import { site } from './handbook.ts';
import { history } from './history.ts';

let memo: HandbookExport | undefined;

export const handbookExport = (): HandbookExport => (memo ??= exportHandbook(site().h, { history: history() }));
