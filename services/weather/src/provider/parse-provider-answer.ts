import { z } from 'zod';
import { WeatherProviderError } from './weather-provider.errors';

/** Validates an upstream answer; a wrong shape is a provider fault that retrying will not fix. */
export function parseProviderAnswer<S extends z.ZodType>(provider: string, schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new WeatherProviderError('WEATHER.UPSTREAM_INVALID', `${provider} answer has an unexpected shape: ${problems.join('; ')}`, {
    retriable: false,
    details: problems,
  });
}
