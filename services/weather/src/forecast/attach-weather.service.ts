import { Logger } from '@nestjs/common';
import { Enrichment, isAreaPlaceId, Location, Weather } from '@newsflow/contracts';
import { AppError, counter, normalizeError } from '@newsflow/platform';
import { forecastCacheKey, historyCacheKey, localDate, roundCoordinate } from '../cache/cache-key';
import { SingleFlight } from '../cache/single-flight';
import { DailyPart, WeatherCache } from '../cache/weather-cache';
import { ForecastQuery, ProviderForecast, ProviderHistory, WeatherProvider } from '../provider/weather-provider.port';
import { buildDailyOnlySection, buildForecastSection, buildHistorySection } from './weather-section';

const sections = counter('newsflow_weather_sections_total', 'Weather sections attached, by status', ['status']);
const staleDaily = counter('newsflow_weather_stale_daily_total', 'Sections built from the cached daily forecast because the provider failed');
const coalesced = counter('newsflow_weather_coalesced_total', 'Lookups that joined an identical lookup already in flight', ['kind']);

type ForecastLookup = { forecast: ProviderForecast } | { daily: DailyPart; error: AppError };

/**
 * The time the article reaches readers: its publication, or the end of its embargo when later. An
 * article embargoed until tomorrow is tomorrow's story, and gets the sky of then, not of yesterday.
 */
export function releasedAt(article: { publishedAt: string; embargoedUntil?: string }): string {
  const { publishedAt, embargoedUntil } = article;
  return embargoedUntil && Date.parse(embargoedUntil) > Date.parse(publishedAt) ? embargoedUntil : publishedAt;
}

export interface AttachWeatherOptions {
  now?: () => Date;
}

/**
 * Decides what weather an article gets: none without a location; the observed weather of its
 * publication day when that day, at the place, is over; otherwise current conditions and the next
 * days (a story from yesterday beside today's sky would tell the reader nothing). Lookups go
 * cache → single flight → resilient provider. A provider failure never escapes: the article moves
 * on with `unavailable` and the reason, so one slow provider cannot stall a partition.
 */
export class AttachWeatherService {
  private readonly logger = new Logger(AttachWeatherService.name);
  private readonly forecasts = new SingleFlight<ForecastLookup>();
  private readonly histories = new SingleFlight<ProviderHistory>();
  private readonly now: () => Date;

  constructor(
    private readonly provider: WeatherProvider,
    private readonly cache: WeatherCache,
    options: AttachWeatherOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async weatherFor(enrichment: Enrichment, publishedAt?: string): Promise<Weather> {
    const weather = await this.decide(enrichment.primaryLocation, publishedAt);
    sections.inc({ status: weather.status });
    return weather;
  }

  private async decide(place: Location | null, publishedAt: string | undefined): Promise<Weather> {
    if (!place) return { status: 'no-location', reason: 'the article has no primary location' };
    // "Australia" is located at Canberra: a widget reading "Australia 31°" would be that city's weather.
    if (isAreaPlaceId(place.entityId)) {
      return { ...this.bare(place), status: 'not-applicable', reason: `${place.name} is a whole country or region: one point's weather would not describe it` };
    }
    // Rounded once here so the upstream query matches the cache key that stores its answer.
    const query: ForecastQuery = { lat: Number(roundCoordinate(place.lat)), lon: Number(roundCoordinate(place.lon)), timezone: place.timezone };
    const published = publishedAt ? new Date(publishedAt) : undefined;
    const day = published && !Number.isNaN(published.getTime()) ? localDate(published, place.timezone) : undefined;
    try {
      if (day && day < localDate(this.now(), place.timezone)) {
        const history = this.provider.history?.bind(this.provider);
        if (!history) {
          return { ...this.bare(place), status: 'not-applicable', reason: `published ${publishedAt}; ${this.provider.name} keeps no weather history` };
        }
        return buildHistorySection(place, await this.lookupHistory(query, day, history));
      }
      const found = await this.lookupForecast(query);
      if ('forecast' in found) return buildForecastSection(place, found.forecast);
      const reason = `current conditions unavailable (${found.error.code}: ${found.error.message}); daily forecast from cache`;
      return buildDailyOnlySection(place, found.daily, localDate(this.now(), found.daily.timezone), reason);
    } catch (error) {
      const e = normalizeError(error);
      this.logger.warn({ msg: 'weather unavailable; the article moves on without it', place: place.name, code: e.code, error: e.message });
      return { ...this.bare(place), status: 'unavailable', reason: `${e.code}: ${e.message}` };
    }
  }

  private bare(place: Location): Pick<Weather, 'location' | 'provider'> {
    return {
      location: { name: place.name, lat: place.lat, lon: place.lon, ...(place.timezone ? { timezone: place.timezone } : {}) },
      provider: this.provider.name,
    };
  }

  private lookupForecast(query: ForecastQuery): Promise<ForecastLookup> {
    const key = forecastCacheKey(this.provider.name, query.lat, query.lon, localDate(this.now(), query.timezone));
    const { promise, joined } = this.forecasts.run(key, async () => {
      const cached = await this.cache.getForecast(key);
      if (cached.forecast) return { forecast: cached.forecast };
      try {
        const fresh = await this.provider.forecast(query);
        await this.cache.setForecast(key, fresh);
        return { forecast: fresh };
      } catch (error) {
        // Current conditions went stale and the provider is failing: the daily part, which ages in
        // hours, still gives the reader a forecast.
        if (!cached.daily) throw error;
        staleDaily.inc();
        return { daily: cached.daily, error: normalizeError(error) };
      }
    });
    if (joined) coalesced.inc({ kind: 'forecast' });
    return promise;
  }

  private lookupHistory(query: ForecastQuery, date: string, history: NonNullable<WeatherProvider['history']>): Promise<ProviderHistory> {
    const key = historyCacheKey(this.provider.name, query.lat, query.lon, date);
    const { promise, joined } = this.histories.run(key, async () => {
      const cached = await this.cache.getHistory(key);
      if (cached) return cached;
      const fresh = await history(query, date);
      await this.cache.setHistory(key, fresh);
      return fresh;
    });
    if (joined) coalesced.inc({ kind: 'history' });
    return promise;
  }
}
