export const STAGES = ['ingest', 'enricher', 'weather', 'indexer'];

export const STAGE_COLORS = { ingest: '#2563eb', enricher: '#9333ea', weather: '#0891b2', indexer: '#ea580c' };

export const STAGE_ROLES = {
  ingest: 'accepts stories → received',
  enricher: 'entities, places → enriched',
  weather: 'forecast at the place → weather',
  indexer: 'search index → indexed',
};
