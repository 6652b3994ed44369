import { z } from 'zod';

/**
 * The parts of Open-Meteo's JSON answer we read (https://open-meteo.com/en/docs). Timestamps are
 * local to `timezone` when the request says `timezone=auto`, ISO 8601 without an offset. Daily
 * arrays are parallel, one entry per `daily.time`, and may hold null where the model has no value.
 */
const series = z.array(z.number().nullable());

export const OpenMeteoDailySchema = z.object({
  time: z.array(z.iso.date()),
  weather_code: series,
  temperature_2m_max: series,
  temperature_2m_min: series,
});

const temperatureUnit = z.object({ temperature_2m: z.string() });
const dailyUnit = z.object({ temperature_2m_max: z.string() });

export const OpenMeteoForecastSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  timezone: z.string(),
  utc_offset_seconds: z.number().int(),
  // The model may leave current values null, or an answer may carry no `current`: the days still count.
  current_units: temperatureUnit.optional(),
  current: z.object({
    time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'expected local ISO time'),
    temperature_2m: z.number().nullable(),
    weather_code: z.number().int().nullable(),
    is_day: z.number().int().min(0).max(1).nullable(),
  }).optional(),
  daily_units: dailyUnit,
  daily: OpenMeteoDailySchema,
});

/** A daily-only answer: the archive API's, or the forecast API's for a `start_date`..`end_date` range. */
export const OpenMeteoDailyAnswerSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  timezone: z.string(),
  utc_offset_seconds: z.number().int(),
  daily_units: dailyUnit,
  daily: OpenMeteoDailySchema,
});

export type OpenMeteoForecast = z.infer<typeof OpenMeteoForecastSchema>;
export type OpenMeteoDaily = z.infer<typeof OpenMeteoDailySchema>;
