import { z } from 'zod';

/**
 * The parts of MET Norway Locationforecast 2.0 `compact` we read
 * (https://api.met.no/weatherapi/locationforecast/2.0/documentation): a GeoJSON Feature whose
 * `properties.timeseries` holds UTC instants, hourly at first and six-hourly further out. Each has the
 * instant's air temperature and, for the period that follows, a `symbol_code`.
 */
const period = z.object({ summary: z.object({ symbol_code: z.string() }) }).optional();

export const MetNorwayTimestepSchema = z.object({
  time: z.iso.datetime({ offset: true }),
  data: z.object({
    instant: z.object({ details: z.object({ air_temperature: z.number() }) }),
    next_1_hours: period,
    next_6_hours: period,
    next_12_hours: period,
  }),
});

export const MetNorwayCompactSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    meta: z.object({ updated_at: z.string(), units: z.object({ air_temperature: z.string() }) }),
    timeseries: z.array(MetNorwayTimestepSchema).min(1),
  }),
});

export type MetNorwayCompact = z.infer<typeof MetNorwayCompactSchema>;
export type MetNorwayTimestep = z.infer<typeof MetNorwayTimestepSchema>;
