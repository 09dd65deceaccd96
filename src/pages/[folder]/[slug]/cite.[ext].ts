/**
 * Citation downloads next to each entity page: `cite.bib`, `cite.ris` and `cite.json`
 * (CSL-JSON), written as static files.
 */
import type { APIRoute } from 'astro';
import { entityRoutes, site } from '../../../lib/site';
import { DOWNLOADS, downloadFile, type DownloadExt } from '../../../../scripts/citation/cite.ts';
import { entityItem } from '../../../../scripts/citation/csl-json.ts';
import type { EntityView } from '../../../../scripts/pipeline/views.ts';

export const getStaticPaths = () =>
  entityRoutes.flatMap(({ params, props }) =>
    Object.keys(DOWNLOADS).map((ext) => ({ params: { ...params, ext }, props })),
  );

export const GET: APIRoute = ({ params, props }) => {
  const ext = params.ext as DownloadExt;
  const entity = (props as { entity: EntityView }).entity;
  return new Response(downloadFile(entityItem(entity, site.site), ext), {
    headers: { 'Content-Type': DOWNLOADS[ext].type },
  });
};
