import { Logger } from '@nestjs/common';
import { Enrichment, isAreaPlaceId, Location, releasedAt, Weather } from '@newsflow/contracts';
import { AppError, counter, normalizeError } from '@newsflow/platform';
import { forecastCacheKey, historyCacheKey, localDate, roundCoordinate } from '../cache/cache-key';
import { SingleFlight } from '../cache/single-flight';
import { DailyPart, WeatherCache } from '../cache/weather-cache';
import { ForecastQuery, ProviderForecast, ProviderHistory, WeatherProvider } from '../provider/weather-provider.port';
import { checkForecastAnswer, checkHistoryAnswer } from './provider-answer-checks';
import { buildDailyOnlySection, buildForecastSection, buildHistorySection, buildReleaseDaySection } from './weather-section';

const sections = counter('newsflow_weather_sections_total', 'Weather sections attached, by status', ['status']);
const staleDaily = counter('newsflow_weather_stale_daily_total', 'Sections built from the cached daily forecast because the provider failed');
const coalesced = counter('newsflow_weather_coalesced_total', 'Lookups that joined an identical lookup already in flight', ['kind']);

type ForecastLookup = { forecast: ProviderForecast } | { daily: DailyPart; error: AppError };

/** The article's times the weather depends on. */
export interface ArticleTimes {
  publishedAt: string;
  embargoedUntil?: string;
}

/** An article's weather, and whether the stage should look again later. */
export interface WeatherOutcome {
  weather: Weather;
  /** The provider failed in a way a later try may mend: queue the article for backfill. */
  backfill: boolean;
  /** Look again at this time (the end of an embargo), whatever the outcome now. */
  refreshAt?: string;
}

export interface AttachWeatherOptions {
  now?: () => Date;
}

/**
 * Decides what weather an article gets: none without a location; the observed weather of its
 * publication day when that day, at the place, is over; otherwise current conditions and the next
 * days (a story from yesterday beside today's sky would tell the reader nothing). Lookups go
 * cache → single flight → resilient provider, and an answer that is not for the time asked is a
 * provider failure, never cached. A provider failure never escapes: the article moves on with
 * `unavailable` and the reason, so one slow provider cannot stall a partition.
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

  /** The weather for an article published (or released) at `publishedAt`. */
  async weatherFor(enrichment: Enrichment, publishedAt?: string): Promise<Weather> {
    return this.count(await this.decide(enrichment.primaryLocation, publishedAt)).weather;
  }

  /**
   * The weather for an article, and when to look again. An article still under embargo gets the
   * forecast for its release day and a refresh at the release: any "now" fetched today would be
   * stale by the time readers see it.
   */
  async attach(enrichment: Enrichment, article: ArticleTimes): Promise<WeatherOutcome> {
    const release = releasedAt(article);
    const place = enrichment.primaryLocation;
    if (place && release === article.embargoedUntil && Date.parse(release) > this.now().getTime() && this.isPoint(place)) {
      return this.count(await this.beforeRelease(place, release));
    }
    return this.count(await this.decide(place, release));
  }

  private count(outcome: WeatherOutcome): WeatherOutcome {
    sections.inc({ status: outcome.weather.status });
    return outcome;
  }

  /** "Australia" is located at Canberra: a widget reading "Australia 31°" would be that city's weather. */
  private isPoint(place: Location): boolean {
    return !isAreaPlaceId(place.entityId);
  }

  private async decide(place: Location | null, publishedAt: string | undefined): Promise<WeatherOutcome> {
    if (!place) return settled({ status: 'no-location', reason: 'the article has no primary location' });
    if (!this.isPoint(place)) {
      return settled({ ...this.bare(place), status: 'not-applicable', reason: `${place.name} is a whole country or region: one point's weather would not describe it` });
    }
    const query = queryFor(place);
    const published = publishedAt ? new Date(publishedAt) : undefined;
    const day = published && !Number.isNaN(published.getTime()) ? localDate(published, place.timezone) : undefined;
    try {
      if (day && day < localDate(this.now(), place.timezone)) {
        const history = this.provider.history?.bind(this.provider);
        if (!history) {
          return settled({ ...this.bare(place), status: 'not-applicable', reason: `published ${publishedAt}; ${this.provider.name} keeps no weather history` });
        }
        // The provider would refuse the day (Open-Meteo: HTTP 400) on every try and every backfill.
        const first = this.provider.historyStartsOn;
        if (first && day < first) {
          return settled({ ...this.bare(place), status: 'not-applicable', reason: `published ${publishedAt}; ${this.provider.name}'s weather history starts on ${first}` });
        }
        return settled(buildHistorySection(place, await this.lookupHistory(query, day, history)));
      }
      const found = await this.lookupForecast(query);
      if ('forecast' in found) return settled(buildForecastSection(place, found.forecast));
      const reason = `current conditions unavailable (${found.error.code}: ${found.error.message}); daily forecast from cache`;
      return settled(buildDailyOnlySection(place, found.daily, localDate(this.now(), found.daily.timezone), reason));
    } catch (error) {
      return this.unavailable(place, error);
    }
  }

  private async beforeRelease(place: Location, releaseAt: string): Promise<WeatherOutcome> {
    const releaseDay = localDate(new Date(releaseAt), place.timezone);
    try {
      const found = await this.lookupForecast(queryFor(place));
      const forecast = 'forecast' in found ? found.forecast : found.daily;
      if (!forecast.daily.some((d) => d.date === releaseDay)) {
        const last = forecast.daily[forecast.daily.length - 1]?.date ?? 'none';
        const reason = `embargoed until ${releaseAt}: the release day ${releaseDay} is beyond the forecast (last day ${last}); the weather is attached at release`;
        return { weather: { ...this.bare(place), status: 'not-applicable', reason }, backfill: false, refreshAt: releaseAt };
      }
      return { weather: buildReleaseDaySection(place, forecast, releaseDay, releaseAt), backfill: false, refreshAt: releaseAt };
    } catch (error) {
      // Tried again at the release anyway; an earlier backfill would only fetch a forecast to replace.
      return { ...this.unavailable(place, error), backfill: false, refreshAt: releaseAt };
    }
  }

  private unavailable(place: Location, error: unknown): WeatherOutcome {
    const e = normalizeError(error);
    // A 4xx is the provider refusing our request: it will refuse it on every backfill too.
    const refused = e.code === 'WEATHER.UPSTREAM_HTTP' && !e.retriable;
    this.logger.warn({ msg: 'weather unavailable; the article moves on without it', place: place.name, code: e.code, error: e.message, details: e.options.details, backfill: !refused });
    return { weather: { ...this.bare(place), status: 'unavailable', reason: `${e.code}: ${e.message}` }, backfill: !refused };
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
        checkForecastAnswer(fresh, this.now(), query.timezone);
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
      checkHistoryAnswer(fresh, date);
      await this.cache.setHistory(key, fresh);
      return fresh;
    });
    if (joined) coalesced.inc({ kind: 'history' });
    return promise;
  }
}

function settled(weather: Weather): WeatherOutcome {
  return { weather, backfill: false };
}

/** Rounded once here so the upstream query matches the cache key that stores its answer. */
function queryFor(place: Location): ForecastQuery {
  return { lat: Number(roundCoordinate(place.lat)), lon: Number(roundCoordinate(place.lon)), timezone: place.timezone };
}
