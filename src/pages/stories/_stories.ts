/** The story views, prepared once per build for the stories index and the story pages. */
import { site } from '../../lib/site';
import { storyPages } from '../../../scripts/stories/pages.ts';

const links = site.entities.map(({ id, name, type, path }) => ({ id, name, type, path }));
export const stories = storyPages(site.kb, links);
