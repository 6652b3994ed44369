import { allTopicJsonSchemas } from './json-schemas';
import { TOPICS } from './topics';

type Properties = Record<string, { description?: string; properties?: Properties }>;

describe('weather section contract', () => {
  // A consumer learns here which not-applicable sections stay so and which one is refreshed at release.
  it('says every reason weather is not-applicable, the embargo refreshed at release among them', () => {
    const payload = (allTopicJsonSchemas()[TOPICS.articleWeatherAttached] as { properties: { payload: { properties: Properties } } }).properties.payload.properties;
    const status = payload.weather.properties?.status.description ?? '';
    const notApplicable = status.slice(status.indexOf('not-applicable:'), status.indexOf('; unavailable:'));
    expect(notApplicable).toContain("the day is before the provider's history");
    expect(notApplicable).toContain("the embargo's release day is beyond the forecast (refreshed at release)");
    expect(notApplicable).toContain('whole country or region');
  });
});
