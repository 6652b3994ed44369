import { trusted } from './html.js';

// Icon codes are OpenWeatherMap's (`01`…`50`, `d`/`n` suffix), as the weather stage assigns them.
const SUN = '<circle cx="12" cy="12" r="4.5" class="wi-sun"/><g class="wi-rays">' +
  [0, 45, 90, 135, 180, 225, 270, 315].map((a) => `<line x1="12" y1="2.5" x2="12" y2="5" transform="rotate(${a} 12 12)"/>`).join('') + '</g>';
const MOON = '<path class="wi-moon" d="M15.5 3.5a8.5 8.5 0 1 0 5 14.5A7 7 0 0 1 15.5 3.5z"/>';
const CLOUD = '<path class="wi-cloud" d="M7 19h10.5a4 4 0 0 0 .4-8 5.5 5.5 0 0 0-10.6-1.2A4.6 4.6 0 0 0 7 19z"/>';
const SMALL_SUN = '<g transform="translate(-4 -4) scale(.75)">' + SUN + '</g>';
const RAIN = '<g class="wi-rain"><line x1="9" y1="20.5" x2="8" y2="23"/><line x1="13" y1="20.5" x2="12" y2="23"/><line x1="17" y1="20.5" x2="16" y2="23"/></g>';
const SNOW = '<g class="wi-snow"><circle cx="9" cy="21.5" r="1"/><circle cx="13" cy="22.5" r="1"/><circle cx="17" cy="21.5" r="1"/></g>';
const BOLT = '<path class="wi-bolt" d="M13 15l-3 5h3l-1 4 4-6h-3l1-3z"/>';
const FOG = '<g class="wi-fog"><line x1="4" y1="9" x2="20" y2="9"/><line x1="3" y1="13" x2="21" y2="13"/><line x1="5" y1="17" x2="19" y2="17"/></g>';

const SHAPES = {
  '01': (night) => (night ? MOON : SUN),
  '02': (night) => (night ? '' : SMALL_SUN) + CLOUD,
  '03': () => SMALL_SUN + CLOUD,
  '04': () => CLOUD,
  '09': () => CLOUD + RAIN,
  '10': () => CLOUD + RAIN,
  '11': () => CLOUD + BOLT,
  '13': () => CLOUD + SNOW,
  '50': () => FOG,
};

export function weatherIcon(icon, condition, size = 40) {
  const code = /^(\d{2})([dn]?)$/.exec(String(icon ?? ''));
  const shape = code && SHAPES[code[1]] ? SHAPES[code[1]](code[2] === 'n') : CLOUD;
  return trusted(`<svg class="wi" width="${Number(size)}" height="${Number(size)}" viewBox="0 0 24 26" role="img" aria-label="${String(condition ?? '').replace(/[^a-z ]/gi, '')}">${shape}</svg>`);
}
