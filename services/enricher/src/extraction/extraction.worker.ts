import { parentPort } from 'node:worker_threads';
import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';
import { ArticleText } from './types';

// Each worker builds its own gazetteer once (threads share no heap) and then answers jobs in order.
const gazetteer = loadGazetteer();
parentPort?.postMessage({ ready: true });
parentPort?.on('message', ({ id, article }: { id: number; article: ArticleText }) => {
  try {
    parentPort?.postMessage({ id, result: extractEntities(article, { gazetteer }) });
  } catch (err) {
    parentPort?.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
