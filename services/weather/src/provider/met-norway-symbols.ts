/**
 * MET Norway `symbol_code`s (e.g. `lightrainshowers_day`, `heavysnowandthunder`) → WMO 4677 codes,
 * so one condition table serves every provider. Codes are built from the name's parts (intensity,
 * precipitation kind, showers, thunder) rather than listed one by one: the family is regular, and
 * MET's own list even spells some names irregularly (`lightssleetshowersandthunder`).
 */
const SKY: Record<string, number> = { clearsky: 0, fair: 1, partlycloudy: 2, cloudy: 3, fog: 45 };

export const UNKNOWN_WEATHER_CODE = -1;

export function symbolToWmo(symbolCode: string): number {
  const name = symbolCode.replace(/_(day|night|polartwilight)$/, '');
  if (name in SKY) return SKY[name];
  const intensity = name.startsWith('light') ? 0 : name.startsWith('heavy') ? 2 : 1;
  if (name.includes('thunder')) return 95;
  const showers = name.includes('showers');
  if (name.includes('sleet')) return showers ? [83, 84, 84][intensity] : [68, 69, 69][intensity];
  if (name.includes('snow')) return showers ? [85, 85, 86][intensity] : [71, 73, 75][intensity];
  if (name.includes('rain')) return showers ? [80, 81, 82][intensity] : [61, 63, 65][intensity];
  return UNKNOWN_WEATHER_CODE;
}

export function isNightSymbol(symbolCode: string): boolean {
  return symbolCode.endsWith('_night') || symbolCode.endsWith('_polartwilight');
}
