// Writes crates/server/assets/world.json, the web app's offline world map.
//
// Data: Natural Earth 1:110m Admin 0 country boundaries (public domain,
// https://www.naturalearthdata.com/), as redistributed in TopoJSON by the npm
// package `world-atlas` (ISC licence, Mike Bostock), read with
// `topojson-client` (ISC). Attribution is recorded in NOTICE.
//
// Reproduce: cd scripts && npm ci && node build_world_outline.mjs
//
// Output: {"attribution": "...", "countries": [{"name": "...", "rings":
// [[lon, lat, lon, lat, ...], ...]}, ...]} with coordinates rounded to
// 0.1 degree and consecutive duplicate points dropped, so the app can draw it
// with an equirectangular projection and no library.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const topologyPath = require.resolve('world-atlas/countries-110m.json');
const output = join(here, '..', 'crates', 'server', 'assets', 'world.json');

const round = (value) => Math.round(value * 10) / 10;

/** One ring as a flat [lon, lat, ...] list without repeated points. */
function compactRing(ring) {
  const flat = [];
  for (const [lon, lat] of ring) {
    const x = round(lon);
    const y = round(lat);
    const n = flat.length;
    if (n >= 2 && flat[n - 2] === x && flat[n - 1] === y) continue;
    flat.push(x, y);
  }
  return flat.length >= 6 ? flat : null;
}

/**
 * Rings that cross the antimeridian jump from +180 to -180. For a flat
 * projection, make their longitudes continuous (some then lie beyond +-180),
 * close a ring that goes round a pole (Antarctica) along that pole, and add
 * a copy shifted by 360 degrees so both sides of the map show the land.
 */
function planarRings(ring) {
  const unwrapped = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i];
    if (i > 0) {
      const step = lon + shift - unwrapped[i - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
    }
    unwrapped.push([lon + shift, lat]);
  }
  const drift = unwrapped[unwrapped.length - 1][0] - unwrapped[0][0];
  if (Math.abs(drift) > 180) {
    const pole = unwrapped.reduce((sum, [, lat]) => sum + lat, 0) < 0 ? -90 : 90;
    unwrapped.push([unwrapped[unwrapped.length - 1][0], pole], [unwrapped[0][0], pole]);
  }
  const lons = unwrapped.map(([lon]) => lon);
  const copies = [unwrapped];
  if (Math.max(...lons) > 180) copies.push(unwrapped.map(([lon, lat]) => [lon - 360, lat]));
  if (Math.min(...lons) < -180) copies.push(unwrapped.map(([lon, lat]) => [lon + 360, lat]));
  return copies;
}

function ringsOf(geometry) {
  if (!geometry) return [];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flat().flatMap(planarRings).map(compactRing).filter(Boolean);
}

const topology = JSON.parse(readFileSync(topologyPath, 'utf8'));
const countries = feature(topology, topology.objects.countries)
  .features.map((f) => ({ name: f.properties.name, rings: ringsOf(f.geometry) }))
  .filter((c) => c.rings.length > 0)
  .sort((a, b) => a.name.localeCompare(b.name));

const world = {
  attribution: 'Made with Natural Earth (public domain), 1:110m Admin 0 countries, via world-atlas 2',
  countries,
};
writeFileSync(output, JSON.stringify(world) + '\n');
console.log(`wrote ${output}: ${countries.length} countries`);
