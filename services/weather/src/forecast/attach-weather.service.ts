import { Injectable } from '@nestjs/common';
import { Enrichment, Weather } from '@newsflow/contracts';

/**
 * Decides what weather an article gets. Walking skeleton: articles without a primary location get
 * `no-location`; located ones report that no provider is wired yet, rather than inventing data.
 */
@Injectable()
export class AttachWeatherService {
  async weatherFor(enrichment: Enrichment): Promise<Weather> {
    const place = enrichment.primaryLocation;
    if (!place) return { status: 'no-location', reason: 'the article has no primary location' };
    return {
      status: 'unavailable',
      reason: 'no weather provider configured',
      location: { name: place.name, lat: place.lat, lon: place.lon, ...(place.timezone ? { timezone: place.timezone } : {}) },
    };
  }
}
