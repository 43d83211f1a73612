// A stand-in for 国土地理院's address search (GSI format) for the browser tests: this machine has
// no internet. Any address in an Osaka ward is "found" to the lot near the ward's centre
// (a small offset from the address's hash, so two addresses get two pins); others are unknown.
// Started by playwright.config.ts; the server gets GEOCODER=gsi GEOCODER_URL=http://127.0.0.1:PORT.
import { createServer } from 'node:http';

const wards = {
  北区: [34.7055, 135.4983],
  都島区: [34.7124, 135.529],
  福島区: [34.6947, 135.4745],
  此花区: [34.683, 135.453],
  中央区: [34.6813, 135.5097],
  西区: [34.6764, 135.4863],
  港区: [34.664, 135.462],
  大正区: [34.6525, 135.4745],
  天王寺区: [34.6536, 135.5196],
  浪速区: [34.6594, 135.4994],
  西淀川区: [34.7108, 135.4517],
  淀川区: [34.7332, 135.4893],
  東淀川区: [34.7415, 135.5293],
  東成区: [34.6699, 135.5395],
  生野区: [34.6545, 135.5425],
  旭区: [34.7213, 135.5443],
  城東区: [34.6999, 135.5455],
  鶴見区: [34.7047, 135.5738],
  阿倍野区: [34.6389, 135.5161],
  住之江区: [34.6099, 135.4826],
  住吉区: [34.6033, 135.5069],
  東住吉区: [34.6226, 135.5271],
  平野区: [34.6211, 135.5493],
  西成区: [34.6352, 135.4934],
};

const port = Number(process.env.GEOCODER_STUB_PORT ?? 0);
createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://stub');
  const q = url.searchParams.get('q') ?? '';
  const ward =
    url.pathname === '/address-search/AddressSearch' && q.includes('大阪市')
      ? Object.keys(wards).find((w) => q.includes(`大阪市${w}`))
      : undefined;
  let body = [];
  if (ward) {
    const [lat, lng] = wards[ward];
    let h = 0;
    for (const ch of q) h = (h * 31 + ch.codePointAt(0)) % 1_000_003;
    const dLat = ((h % 200) - 100) / 20_000;
    const dLng = ((Math.floor(h / 200) % 200) - 100) / 20_000;
    const title = (q.startsWith('大阪府') ? q : `大阪府${q}`).replace(/号$/, '');
    body = [
      {
        geometry: { coordinates: [lng + dLng, lat + dLat], type: 'Point' },
        type: 'Feature',
        properties: { addressCode: '', title },
      },
    ];
  }
  res.writeHead(url.pathname === '/health' ? 200 : 200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}).listen(port, '127.0.0.1', () => console.log(`geocoder stub on ${port}`));
