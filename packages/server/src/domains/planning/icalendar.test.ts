import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, utcDateTime, writeCalendar } from './icalendar.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('iCalendar text (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and line breaks in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('大阪市北区梅田1-2-3, 梅田ビル; 3F')).toBe('大阪市北区梅田1-2-3\\, 梅田ビル\\; 3F');
  });

  it('folds Japanese text at 75 octets without splitting a character, and unfolds to the same line', () => {
    const line = `SUMMARY:${'株式会社かよい商事（大阪本店）'.repeat(6)}`;
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    for (const l of lines.slice(1)) expect(l.startsWith(' ')).toBe(true);
    // Each physical line is valid UTF-8 on its own (no character cut in two).
    for (const l of lines) expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
    expect(unfold(folded)).toBe(line);
    // A 3-octet character that would cross the 75th octet moves to the next line.
    expect(octets(lines[0] as string)).toBeGreaterThanOrEqual(73);
  });

  it('leaves a short line alone and writes UTC date-times', () => {
    expect(foldLine('UID:abc@localhost')).toBe('UID:abc@localhost');
    expect(utcDateTime(new Date('2027-01-12T00:30:00.000Z'))).toBe('20270112T003000Z');
  });

  it('writes a calendar with CRLF lines, one VEVENT per event', () => {
    const text = writeCalendar({
      name: 'Kayoi 訪問予定',
      stamp: new Date('2026-12-01T00:00:00Z'),
      events: [
        {
          uid: 'v1@kayoi.test',
          start: new Date('2027-01-12T00:30:00Z'),
          end: new Date('2027-01-12T01:00:00Z'),
          summary: '株式会社テスト',
          location: '大阪府大阪市北区, 1-1',
          geo: { lat: 34.7025, lng: 135.4959 },
          description: '訪問予定 09:30–10:00\nhttps://kayoi.test/customers/c1',
          url: 'https://kayoi.test/customers/c1',
        },
      ],
    });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const u = unfold(text);
    expect(u).toContain('DTSTART:20270112T003000Z\r\nDTEND:20270112T010000Z');
    expect(u).toContain('LOCATION:大阪府大阪市北区\\, 1-1');
    expect(u).toContain('GEO:34.702500;135.495900');
    expect(u).toContain('DESCRIPTION:訪問予定 09:30–10:00\\nhttps://kayoi.test/customers/c1');
    expect(u.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });
});
