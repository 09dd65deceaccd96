/**
 * What the NER model adds to start-up (issue 3 asks for under a second): reading and
 * unpacking the model file, then the first tagging, which builds the beam scorer.
 * Every extraction worker pays this once.
 */
import { DEFAULT_MODEL_PATH } from '../tagger/default-model.ts';
import { loadModel } from '../tagger/model.ts';

/** Seconds to load the committed model and tag a first sentence, in wall and CPU time. */
export function measureModelStart(): { wall: number; cpu: number } {
  const wall = performance.now();
  const cpu = process.threadCpuUsage();
  loadModel(DEFAULT_MODEL_PATH).tagWords([['Reuters', 'reported', 'from', 'London', '.']]);
  const used = process.threadCpuUsage(cpu);
  return { wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
}
