import { z } from 'zod';

export const WEATHER_STATUSES = ['attached', 'no-location', 'not-applicable', 'unavailable'] as const;

export const CurrentConditionsSchema = z.object({
  /** Local wall-clock time at the location, ISO 8601 without offset (as providers report it). */
  localTime: z.string(),
  temperature: z.number(),
  weatherCode: z.number().int().optional(),
  condition: z.string(),
  icon: z.string(),
});

export const DailyForecastSchema = z.object({
  date: z.iso.date(),
  weekday: z.string(),
  temperatureMin: z.number(),
  temperatureMax: z.number(),
  weatherCode: z.number().int().optional(),
  condition: z.string(),
  icon: z.string(),
});

export const WeatherSchema = z.object({
  status: z.enum(WEATHER_STATUSES).describe('attached: see kind; no-location: the article has no primary location; not-applicable: an old article and a provider that keeps no history; unavailable: the provider failed (reason says how), and the article may be republished with the weather later (backfilledAt)'),
  reason: z.string().optional(),
  /** What an attached section shows; absent on sections written before it was added. */
  kind: z.enum(['forecast', 'observed']).optional()
    .describe('"forecast": current conditions (when the provider gave them) and the next days, as of fetchedAt; "observed": the weather of the publication day, once that day is over at the location (one daily entry, from the provider\'s models and reanalysis, not station readings)'),
  location: z
    .object({ name: z.string(), lat: z.number(), lon: z.number(), timezone: z.string().optional() })
    .optional(),
  current: CurrentConditionsSchema.optional(),
  daily: z.array(DailyForecastSchema).optional(),
  units: z.object({ temperature: z.enum(['celsius', 'fahrenheit']) }).optional(),
  provider: z.string().optional(),
  fetchedAt: z.iso.datetime({ offset: true }).optional(),
  /** Set when the weather was attached later, after the provider recovered; the article is republished with it. */
  backfilledAt: z.iso.datetime({ offset: true }).optional(),
});

export type CurrentConditions = z.infer<typeof CurrentConditionsSchema>;
export type DailyForecast = z.infer<typeof DailyForecastSchema>;
export type Weather = z.infer<typeof WeatherSchema>;
export type WeatherStatus = Weather['status'];
