// face-api.js reference for `faceattend bench --compare`, run as a Node subprocess by FaceApiContender.java.
//
// Backend: TensorFlow.js WebAssembly (@tensorflow/tfjs-backend-wasm), no native add-on, so it runs wherever Node
// runs. Images are decoded by the Java side (the same OpenCV decoder every other pipeline uses) and sent as raw
// RGB, so all pipelines see identical pixels.
//
// Protocol (stdin, big-endian): per image int32 width, int32 height, int8 mode (0 = detect only, 1 = describe
// every face, 2 = describe the face nearest the centre), then width*height*3 bytes RGB. Width 0 ends the run.
// Stdout: one JSON line per image; the first line says the models are loaded. Errors go to stderr and end the process with status 2.
'use strict';

const path = require('path');
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

const MIN_CONFIDENCE = Number(process.env.FACEAPI_MIN_CONFIDENCE || '0.5'); // face-api's own default

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function start() {
  wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep));
  await tf.setBackend('wasm');
  await tf.ready();
  const modelDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
  const versions = { faceapi: faceapi.version, tfjs: tf.version_core, backend: tf.getBackend() };
  process.stdout.write(`${JSON.stringify({ ready: true, versions })}\n`);
}

function distanceToCentre(d, width, height) {
  return Math.hypot(d.box.x + d.box.width / 2 - width / 2, d.box.y + d.box.height / 2 - height / 2);
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function analyse(width, height, mode, rgb) {
  const input = tf.tensor3d(rgb, [height, width, 3], 'int32');
  const ms = { detect: 0, landmarks: 0, align: 0, embed: 0 };
  const faces = [];
  try {
    let t = now();
    const detections = await faceapi.nets.ssdMobilenetv1.locateFaces(input, new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_CONFIDENCE, maxResults: 100 }));
    ms.detect = now() - t;
    const central = mode === 2 && detections.length > 0
      ? detections.reduce((a, b) => (distanceToCentre(a, width, height) <= distanceToCentre(b, width, height) ? a : b))
      : null;
    for (const d of central ? [central] : detections) {
      const face = { box: [d.box.x, d.box.y, d.box.width, d.box.height], score: d.score };
      if (mode !== 0) {
        // The same steps face-api's detectAllFaces().withFaceLandmarks().withFaceDescriptors() chain runs, timed apart.
        t = now();
        const [crop] = await faceapi.extractFaceTensors(input, [d]);
        const landmarks = await faceapi.nets.faceLandmark68Net.detectLandmarks(crop);
        crop.dispose();
        const shifted = (Array.isArray(landmarks) ? landmarks[0] : landmarks).shiftBy(d.box.x, d.box.y);
        ms.landmarks += now() - t;
        t = now();
        // face-api's descriptor task crops the dlib-style aligned box (not the landmarks' bounding box)
        const [aligned] = await faceapi.extractFaceTensors(input, [shifted.align(null, { useDlibAlignment: true })]);
        ms.align += now() - t;
        t = now();
        const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(aligned);
        aligned.dispose();
        ms.embed += now() - t;
        face.descriptor = Array.from(descriptor);
      }
      faces.push(face);
    }
  } finally {
    input.dispose();
  }
  return { faces, ms };
}

// Reads exactly the bytes asked for from stdin, in order.
function byteReader(stream) {
  let buffered = Buffer.alloc(0);
  let waiting = null;
  let ended = false;
  stream.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    if (waiting) waiting();
  });
  stream.on('end', () => { ended = true; if (waiting) waiting(); });
  return async (n) => {
    while (buffered.length < n) {
      if (ended) return null;
      await new Promise((resolve) => { waiting = resolve; });
      waiting = null;
    }
    const out = buffered.subarray(0, n);
    buffered = buffered.subarray(n);
    return out;
  };
}

async function main() {
  await start();
  const read = byteReader(process.stdin);
  for (;;) {
    const header = await read(9);
    if (header === null) break;
    const width = header.readInt32BE(0);
    const height = header.readInt32BE(4);
    const mode = header.readInt8(8);
    if (width === 0) break;
    if (width < 0 || height <= 0 || width * height > 50e6) fail(`bad image size ${width}x${height}`);
    const pixels = await read(width * height * 3);
    if (pixels === null) fail('input ended in the middle of an image');
    const result = await analyse(width, height, mode, Int32Array.from(pixels));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

main().catch((e) => fail(`face-api.js failed: ${e && e.stack ? e.stack : e}`));
