import type { Weather } from '@newsflow/contracts';

/**
 * Both providers license their data on condition that it is credited (Open-Meteo: CC BY 4.0; MET
 * Norway: NLOD 2.0 and CC BY 4.0), so every section that shows their data says how, and a widget
 * need not keep its own table of providers.
 */
const ATTRIBUTIONS: Readonly<Record<string, NonNullable<Weather['attribution']>>> = {
  'open-meteo': { text: 'Weather data by Open-Meteo.com', url: 'https://open-meteo.com/', licence: 'CC BY 4.0' },
  'met-norway': { text: 'Weather data from MET Norway', url: 'https://api.met.no/', licence: 'NLOD 2.0 / CC BY 4.0' },
};

export function attributionOf(provider: string): Pick<Weather, 'attribution'> {
  const attribution = ATTRIBUTIONS[provider];
  return attribution ? { attribution } : {};
}
