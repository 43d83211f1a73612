import type { GeoPosition } from '@kayoi/server/contracts';

/**
 * The phone's position when the browser allows it, within `timeoutMs`; null when refused,
 * unavailable or slow (a check-in never waits on GPS).
 */
export const currentPosition = (timeoutMs = 4000): Promise<GeoPosition | null> =>
  new Promise((resolve) => {
    const geo = globalThis.navigator?.geolocation;
    if (!geo) {
      resolve(null);
      return;
    }
    const timer = setTimeout(() => resolve(null), timeoutMs + 500);
    geo.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: Math.round(p.coords.accuracy) });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
