/**
 * Small real image files built byte by byte for ingestion tests: a JPEG with an EXIF block (camera make,
 * model, date taken, orientation) and a PNG. Nothing else in the tests produces images.
 */
import zlib from 'node:zlib';

function segment(marker: number, body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xff00 | marker, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/** A little-endian TIFF block with ASCII and SHORT entries in IFD0. */
function tiff(entries: { tag: number; ascii?: string; short?: number }[]): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const ifdStart = 8;
  const ifdLength = 2 + sorted.length * 12 + 4;
  let dataOffset = ifdStart + ifdLength;
  const ifd = Buffer.alloc(ifdLength);
  const data: Buffer[] = [];
  ifd.writeUInt16LE(sorted.length, 0);
  sorted.forEach((entry, i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(entry.tag, at);
    if (entry.ascii !== undefined) {
      const bytes = Buffer.from(`${entry.ascii}\0`, 'latin1');
      ifd.writeUInt16LE(2, at + 2);
      ifd.writeUInt32LE(bytes.length, at + 4);
      if (bytes.length <= 4) bytes.copy(ifd, at + 8);
      else {
        ifd.writeUInt32LE(dataOffset, at + 8);
        data.push(bytes);
        dataOffset += bytes.length;
      }
    } else {
      ifd.writeUInt16LE(3, at + 2);
      ifd.writeUInt32LE(1, at + 4);
      ifd.writeUInt16LE(entry.short ?? 0, at + 8);
    }
  });
  ifd.writeUInt32LE(0, ifdLength - 4);
  return Buffer.concat([Buffer.from('II*\0', 'latin1'), Buffer.from([8, 0, 0, 0]), ifd, ...data]);
}

export function jpegWithExif({ width, height, make, model, dateTime, orientation = 1, padding = 0 }: { width: number; height: number; make: string; model: string; dateTime: string; orientation?: number; padding?: number }): Buffer {
  const exif = Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    tiff([
      { tag: 0x010f, ascii: make },
      { tag: 0x0110, ascii: model },
      { tag: 0x0112, short: orientation },
      { tag: 0x0132, ascii: dateTime },
    ]),
  ]);
  const sof = Buffer.alloc(15);
  sof.writeUInt8(8, 0);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  sof.writeUInt8(3, 5);
  for (let c = 0; c < 3; c += 1) sof.set([c + 1, 0x11, 0], 6 + c * 3);
  // Scan data stand-in: decoders would need more, but inspecting the file needs only the headers.
  return Buffer.concat([Buffer.from([0xff, 0xd8]), segment(0xe1, exif), segment(0xc0, sof), Buffer.alloc(padding, 0x55), Buffer.from([0xff, 0xd9])]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let y = 0; y < height; y += 1) rows[y * (width * 3 + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
