/**
 * Versions of entity pages (issue 5, "a citation shows what the student saw"): each page's
 * version is the hash of its content (`snapshot.ts`); a version not yet in the history is
 * recorded with the day it first appeared and the snapshot that renders its frozen copy.
 * Every earlier version, and every version of a page that is gone, stays published as a
 * frozen copy at its permanent link `/<folder>/<slug>/v/<version>/`. Pure and linear:
 * one hash per page, one map look-up per page; the build writes the changed files.
 */
import type { SiteData, ArchivedPage, VersionLink } from '../core/views.ts';
import type { EntityView } from '../core/views.ts';
import { snapshotOfRecord, type History, type VersionRecord } from './history.ts';
import { snapshotOf, versionOf, viewOf } from './snapshot.ts';

export interface VersionsResult {
  /** The history with this build's new versions appended. */
  history: History;
  /** Page paths (without base) whose history file must be written. */
  changed: string[];
  archived: ArchivedPage[];
  /** Each entity view's snapshot JSON, in the order of `site.entities` (see `viewJson`). */
  snapshots: string[];
}

/** The permanent link of one version of the page at `page` (a site path ending in `/`). */
export function permalinkOf(page: string, version: string): string {
  return `${page}v/${version}/`;
}

/** `2023-11-14` for SOURCE_DATE_EPOCH when set, else today (UTC). */
export function versionDate(sourceDateEpoch: number | undefined, now = Date.now()): string {
  return new Date(sourceDateEpoch === undefined ? now : sourceDateEpoch * 1000)
    .toISOString()
    .slice(0, 10);
}

const links = (page: string, records: VersionRecord[]): VersionLink[] =>
  records
    .map((r) => ({ id: r.version, date: r.date, permalink: permalinkOf(page, r.version) }))
    .reverse();

/**
 * Gives every entity view (and its kb.json entry) its version, records new versions in
 * `history`, and lists the frozen copies to render. Mutates `site` in place.
 */
export function recordVersions(site: SiteData, history: History, today: string): VersionsResult {
  const base = site.site.base;
  // History keys are decoded paths without base, as in the ledger (`people/zoë/`).
  const key = (path: string) =>
    decodeURIComponent(path.startsWith(base) ? path.slice(base.length) : path);
  const next: History = new Map(history);
  const changed: string[] = [];
  const current = new Map<string, string>();
  const kbById = new Map(site.kb.entities.map((e) => [e.id, e]));
  const snapshots: string[] = [];

  for (const view of site.entities) {
    const json = JSON.stringify(snapshotOf(view, base));
    snapshots.push(json);
    const version = versionOf(json);
    const path = key(view.path);
    let records = next.get(path) ?? [];
    let record = records.find((r) => r.version === version);
    if (!record) {
      record = { date: today, version, json };
      next.set(path, (records = [...records, record]));
      changed.push(path);
    }
    current.set(path, version);
    view.version = {
      id: version,
      date: record.date,
      permalink: permalinkOf(view.path, version),
      page: view.path,
      history: links(view.path, records),
    };
    const entry = kbById.get(view.id);
    if (entry) Object.assign(entry, { version, changed: record.date });
  }

  const archived: ArchivedPage[] = [];
  for (const [path, records] of next) {
    const [folder, slug] = path.split('/') as [string, string];
    const page = `${base}${folder}/${encodeURIComponent(slug)}/`;
    for (const record of records) {
      if (current.get(path) === record.version) continue;
      const view = viewOf(snapshotOfRecord(record), base);
      const permalink = permalinkOf(page, record.version);
      view.path = permalink;
      view.version = {
        id: record.version,
        date: record.date,
        permalink,
        page,
        archived: true,
        history: links(page, records),
      };
      archived.push({ folder, slug: encodeURIComponent(slug), version: record.version, view });
    }
  }
  return { history: next, changed: changed.sort(), archived, snapshots };
}
