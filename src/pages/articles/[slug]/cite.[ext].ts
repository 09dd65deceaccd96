/** Citation downloads next to each article page: `cite.bib`, `cite.ris`, `cite.json`. */
import type { APIRoute } from 'astro';
import { articleRoutes, site } from '../../../lib/site';
import { DOWNLOADS, downloadFile, type DownloadExt } from '../../../../scripts/citation/cite.ts';
import { articleItem } from '../../../../scripts/citation/csl-json.ts';
import type { ArticleView } from '../../../../scripts/pipeline/views.ts';

export const getStaticPaths = () =>
  articleRoutes.flatMap(({ params, props }) =>
    Object.keys(DOWNLOADS).map((ext) => ({ params: { ...params, ext }, props })),
  );

export const GET: APIRoute = ({ params, props }) => {
  const ext = params.ext as DownloadExt;
  const article = (props as { article: ArticleView }).article;
  return new Response(downloadFile(articleItem(article, site.site), ext), {
    headers: { 'Content-Type': DOWNLOADS[ext].type },
  });
};
