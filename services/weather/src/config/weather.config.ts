import { commonConfigShape, loadConfig } from '@newsflow/platform';
import { z } from 'zod';

export const WeatherConfigSchema = z.object({
  ...commonConfigShape,
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8083),
  HTTP_HOST: z.string().default('0.0.0.0'),
  KAFKA_GROUP_ID: z.string().default('newsflow-weather'),
});

export type WeatherConfig = z.infer<typeof WeatherConfigSchema>;

export const WEATHER_CONFIG = Symbol('WEATHER_CONFIG');

export function loadWeatherConfig(env: NodeJS.ProcessEnv = process.env): WeatherConfig {
  return loadConfig('weather', WeatherConfigSchema, env);
}
