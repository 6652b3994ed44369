import { z } from 'zod';
import { KnownFields } from './known-fields';

export const WEATHER_STATUSES = ['attached', 'no-location', 'not-applicable', 'unavailable'] as const;

const WEATHER_CODE = 'WMO 4677 code as Open-Meteo reports it (-1: a MET Norway symbol with no WMO equivalent)';
const CONDITION = 'English text for the code ("light rain"), for display';
const ICON = 'OpenWeatherMap icon name ("10d", "01n": d day, n night), or "na" for an unknown code';

export const CurrentConditionsSchema = z.looseObject({
  /** Local wall-clock time at the location, ISO 8601 without offset (as providers report it). */
  localTime: z.string().describe('local wall-clock time at the location, ISO 8601 without an offset (the start of the provider\'s 15-minute or hourly slot); its zone is location.timezone'),
  temperature: z.number().describe('in units.temperature'),
  weatherCode: z.number().int().optional().describe(WEATHER_CODE),
  condition: z.string().describe(CONDITION),
  icon: z.string().describe(ICON),
});

export const DailyForecastSchema = z.looseObject({
  date: z.iso.date().describe('local calendar date at the location'),
  weekday: z.string().describe('English three-letter weekday of date ("Mon")'),
  temperatureMin: z.number().describe('in units.temperature'),
  temperatureMax: z.number().describe('in units.temperature'),
  weatherCode: z.number().int().optional().describe(WEATHER_CODE),
  condition: z.string().describe(CONDITION),
  icon: z.string().describe(ICON),
});

export const WeatherSchema = z.looseObject({
  status: z.enum(WEATHER_STATUSES).describe('attached: see kind; no-location: the article has no primary location; not-applicable: an old article and a provider that keeps no history, the day is before the provider\'s history, the embargo\'s release day is beyond the forecast (refreshed at release), or a primary location that is a whole country or region (one point\'s weather would not describe it); unavailable: the provider failed (reason says how), and the article may be republished with the weather later (backfilledAt)'),
  reason: z.string().optional().describe('why the section is as it is, for operators: also on attached sections (an observed day, a forecast without current conditions, a cached forecast while the provider fails)'),
  /** What an attached section shows; absent on sections written before it was added. */
  kind: z.enum(['forecast', 'observed']).optional()
    .describe('"forecast": current conditions (when the provider gave them) and the next days, as of fetchedAt (a snapshot: it is not refreshed later); "observed": the weather of the publication day, once that day is over at the location (one daily entry, from the provider\'s models and reanalysis, not station readings)'),
  location: z
    .looseObject({ name: z.string(), lat: z.number(), lon: z.number(), timezone: z.string().optional() })
    .optional(),
  current: CurrentConditionsSchema.optional(),
  daily: z.array(DailyForecastSchema).optional(),
  units: z.looseObject({ temperature: z.enum(['celsius', 'fahrenheit']) }).optional(),
  provider: z.string().optional(),
  /** The credit the provider's licence requires beside its data; added in the nineteenth session. */
  attribution: z
    .looseObject({ text: z.string(), url: z.string(), licence: z.string() })
    .optional()
    .describe('the credit the provider\'s licence requires wherever its data is shown: display text, link and licence'),
  fetchedAt: z.iso.datetime({ offset: true }).optional(),
  /** Set when the weather was attached later, after the provider recovered; the article is republished with it. */
  backfilledAt: z.iso.datetime({ offset: true }).optional(),
});

export type CurrentConditions = KnownFields<z.infer<typeof CurrentConditionsSchema>>;
export type DailyForecast = KnownFields<z.infer<typeof DailyForecastSchema>>;
export type Weather = KnownFields<z.infer<typeof WeatherSchema>>;
export type WeatherStatus = Weather['status'];
